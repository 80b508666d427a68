'use strict';
// A Node cluster of two workers in a pod: each worker detects its
// service.instance.id with the default worker id and sends it to the primary,
// which prints {"<worker id>": "<instance id>"} as one JSON line.

const cluster = require('node:cluster');
const { settleDetector } = require('./settle-detector.cjs');

const [distPath] = process.argv.slice(2);
const env = {
  KUBERNETES_SERVICE_HOST: '10.96.0.1',
  POD_NAMESPACE: 'payments',
  POD_NAME: 'ledger-api-0',
  K8S_CONTAINER_NAME: 'app',
};

if (cluster.isPrimary) {
  const ids = {};
  for (let i = 0; i < 2; i += 1) {
    const worker = cluster.fork();
    worker.on('message', (id) => {
      ids[worker.id] = id;
      worker.kill();
      if (Object.keys(ids).length === 2) {
        process.stdout.write(`${JSON.stringify(ids)}\n`);
      }
    });
  }
} else {
  const { serviceInstanceDetector } = require(distPath);
  settleDetector(serviceInstanceDetector({ env, root: '/nonexistent-root' })).then((attributes) =>
    process.send(attributes['service.instance.id']),
  );
}
