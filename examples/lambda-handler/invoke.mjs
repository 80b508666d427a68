// Invokes the handler once, as the Lambda runtime would, and exits at once: the process gets
// no chance to flush after the handler returns, just as a frozen Lambda sandbox does not.
//   node invoke.mjs [REQUEST_ID]
import { handler } from './handler.mjs';

const event = {
  httpMethod: 'POST',
  path: '/orders',
  requestContext: { stage: 'prod' },
  body: JSON.stringify({ items: ['book', 'pen'] }),
};
const context = { awsRequestId: process.argv[2] ?? 'c6af9ac6-7b61-11e6-9a41-93e812345678' };

const result = await handler(event, context);
console.log(JSON.stringify(result));
process.exit(0);
