/**
 * Infers `faas.trigger` from the shape of an AWS Lambda event: `http` for API Gateway, function
 * URL and load balancer events, `pubsub` for SQS, SNS, Kinesis and EventBridge, `datasource`
 * for S3 and DynamoDB streams, `timer` for scheduled events, and `other` otherwise.
 */
export function lambdaTrigger(event: unknown): string {
  if (typeof event !== 'object' || event === null) {
    return 'other';
  }
  const shape = event as Record<string, unknown>;
  if ('httpMethod' in shape || 'requestContext' in shape) {
    return 'http';
  }
  if (shape.source === 'aws.events' && shape['detail-type'] === 'Scheduled Event') {
    return 'timer';
  }
  if ('detail-type' in shape) {
    return 'pubsub';
  }
  const records = shape.Records;
  if (Array.isArray(records) && records.length > 0) {
    const first = records[0] as Record<string, unknown>;
    const source = String(first.eventSource ?? first.EventSource ?? '');
    if (source === 'aws:s3' || source === 'aws:dynamodb') {
      return 'datasource';
    }
    if (source === 'aws:sqs' || source === 'aws:sns' || source === 'aws:kinesis') {
      return 'pubsub';
    }
  }
  return 'other';
}
