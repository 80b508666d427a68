/** The parts of an Amazon Resource Name that identify where a resource lives. */
export interface Arn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  resource: string;
}

// arn:partition:service:region:account-id:resource, where the partition is
// `aws`, `aws-cn`, `aws-us-gov`, `aws-iso` and so on, and the resource may
// itself contain colons and slashes.
const ARN = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:(.+)$/;

/** Parses an ARN in any partition. Returns `undefined` for anything else. */
export function parseArn(text: string | undefined): Arn | undefined {
  const match = text === undefined ? null : ARN.exec(text.trim());
  if (match === null) {
    return undefined;
  }
  const [, partition, service, region, accountId, resource] = match as unknown as string[];
  return {
    partition: partition!,
    service: service!,
    region: region!,
    accountId: accountId ?? '',
    resource: resource!,
  };
}
