import type { Received } from '../../../../test/support/otlp-receiver.js';

/** The identity every child process is given, as a platform would hand it over. */
export const IDENTITY = {
  'service.name': 'checkout',
  'service.version': '1.4.2',
  'deployment.id': '01936f4e-8a5b-7c3d-9e2f-0123456789ab',
  'provenance.network.id': 'vpc-0abc1234',
};

/** Builds the child's environment: identity, the receiver, and no metadata requests. */
export function childEnv(receiverUrl: string, extra: Record<string, string> = {}) {
  return {
    OTEL_RESOURCE_ATTRIBUTES: Object.entries(IDENTITY)
      .map(([key, value]) => `${key}=${value}`)
      .join(','),
    OTEL_EXPORTER_OTLP_ENDPOINT: receiverUrl,
    // No metadata service is ever asked from a test, whatever machine it runs on.
    PROVENANCE_DETECT_NETWORK: 'off',
    ...extra,
  };
}

/** Returns the records lacking any identity key on the resource, or, for spans and logs, on the record. */
export function missingIdentity(records: Received[]): Received[] {
  return records.filter((record) => {
    const instance = record.resource['service.instance.id'];
    if (typeof instance !== 'string' || instance === '') {
      return true;
    }
    const onResource = Object.entries(IDENTITY).every(
      ([key, value]) => record.resource[key] === value,
    );
    if (!onResource) {
      return true;
    }
    if (record.signal === 'metrics') {
      return false;
    }
    return (
      record.attributes['service.instance.id'] !== instance ||
      Object.entries(IDENTITY).some(([key, value]) => record.attributes[key] !== value)
    );
  });
}
