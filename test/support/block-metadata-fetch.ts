// Tests must never reach a cloud's instance-metadata service from a real
// machine: they inject a fetch or point endpoints at 127.0.0.1. This guard
// turns a forgotten injection into a failed request inside the test process
// instead of traffic to the metadata address.
const METADATA_HOSTS = new Set([
  '169.254.169.254',
  '169.254.170.2',
  '100.100.100.200',
  'metadata.google.internal',
  '[fd00:ec2::254]',
]);

const realFetch = globalThis.fetch;

globalThis.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (METADATA_HOSTS.has(url.hostname)) {
    return Promise.reject(
      new Error(
        `test tried to reach the instance-metadata address ${url.hostname}; inject fetch or point the endpoint at 127.0.0.1`,
      ),
    );
  }
  return realFetch(input, init);
};
