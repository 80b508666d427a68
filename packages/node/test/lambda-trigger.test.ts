import { describe, expect, it } from 'vitest';
import { lambdaTrigger } from '../src/index.js';

describe('lambdaTrigger', () => {
  it.each([
    [{ httpMethod: 'GET', path: '/' }, 'http'],
    [{ version: '2.0', routeKey: '$default', requestContext: {} }, 'http'],
    [{ Records: [{ eventSource: 'aws:sqs' }] }, 'pubsub'],
    [{ Records: [{ EventSource: 'aws:sns' }] }, 'pubsub'],
    [{ Records: [{ eventSource: 'aws:s3' }] }, 'datasource'],
    [{ Records: [{ eventSource: 'aws:dynamodb' }] }, 'datasource'],
    [{ source: 'aws.events', 'detail-type': 'Scheduled Event' }, 'timer'],
    [{ source: 'com.example', 'detail-type': 'OrderPlaced' }, 'pubsub'],
    [{ anything: true }, 'other'],
    ['text', 'other'],
    [null, 'other'],
  ])('classifies %j as %s', (event, trigger) => {
    expect(lambdaTrigger(event)).toBe(trigger);
  });
});
