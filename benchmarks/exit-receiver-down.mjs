// Exit time when the receiver is down. A process makes one span, one log record and one
// metric point and ends by itself. The OTLP endpoint is a closed loopback port (connection
// refused) or a loopback server that accepts and never responds (hung). Compared: no SDK,
// `--import @otel-provenance/node/register` (default flush timeout 3000 ms), a bare NodeSDK
// start, and a NodeSDK that shuts down on beforeExit.
import { createServer } from 'node:net';
import { median, runNode } from './run-node.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const APP = 'fixtures/one-of-each.mjs';

const variants = {
  'no SDK': [APP],
  '--import @otel-provenance/node/register': ['--import', '@otel-provenance/node/register', APP],
  'NodeSDK().start()': ['--import', './fixtures/nodesdk-start.mjs', APP],
  'NodeSDK, shutdown on beforeExit': ['--import', './fixtures/nodesdk-shutdown-on-exit.mjs', APP],
};

async function listen(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server.address().port;
}

// A port that was just freed, so connections to it are refused.
const closed = createServer();
const refusedPort = await listen(closed);
await new Promise((resolve) => closed.close(resolve));

// A server that accepts connections and reads requests without ever responding.
const sockets = new Set();
const hung = createServer((socket) => {
  sockets.add(socket);
  socket.on('data', () => {});
});
const hungPort = await listen(hung);

const receivers = { refused: refusedPort, hung: hungPort };
console.log(`node ${process.version}, ${RUNS} runs each, median wall ms until the process exited`);
console.log('| receiver | variant | exit ms |');
console.log('|---|---|---|');
for (const [receiver, port] of Object.entries(receivers)) {
  const env = {
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
    OTEL_LOG_LEVEL: 'none',
    PROVENANCE_DETECT_NETWORK: 'off',
  };
  const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let run = 0; run < RUNS; run += 1) {
    for (const [name, args] of Object.entries(variants)) {
      samples[name].push((await runNode(args, env)).wallMs);
    }
  }
  for (const [name, values] of Object.entries(samples)) {
    console.log(`| ${receiver} | ${name} | ${median(values).toFixed(0)} |`);
  }
}

for (const socket of sockets) {
  socket.destroy();
}
hung.close();
