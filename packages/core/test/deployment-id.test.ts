import { describe, expect, it } from 'vitest';
import {
  DEPLOYMENT_ID_NAMESPACE,
  deriveUuid,
  isUuid,
  mintDeploymentId,
  SERVICE_INSTANCE_ID_NAMESPACE,
  uuidVersion,
} from '../src/deployment-id.js';

describe('mintDeploymentId', () => {
  it('mints a UUIDv7', () => {
    const id = mintDeploymentId();

    expect(isUuid(id)).toBe(true);
    expect(uuidVersion(id)).toBe(7);
  });

  it('mints ids that sort by creation time', async () => {
    const first = mintDeploymentId();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = mintDeploymentId();

    expect(first < second).toBe(true);
  });

  it('mints a different id each call', () => {
    const ids = new Set(Array.from({ length: 100 }, () => mintDeploymentId()));

    expect(ids.size).toBe(100);
  });
});

describe('deriveUuid', () => {
  it('derives the same UUIDv5 for the same name', () => {
    const name = 'aws_lambda:111122223333:eu-west-1:checkout:14';

    const id = deriveUuid(name, DEPLOYMENT_ID_NAMESPACE);

    expect(uuidVersion(id)).toBe(5);
    expect(deriveUuid(name, DEPLOYMENT_ID_NAMESPACE)).toBe(id);
    expect(
      deriveUuid('aws_lambda:111122223333:eu-west-1:checkout:15', DEPLOYMENT_ID_NAMESPACE),
    ).not.toBe(id);
  });

  it('matches an independently computed UUIDv5', () => {
    // Python 3: uuid.uuid5(uuid.UUID(SERVICE_INSTANCE_ID_NAMESPACE), 'shop.checkout-7d9f.app')
    expect(deriveUuid('shop.checkout-7d9f.app', SERVICE_INSTANCE_ID_NAMESPACE)).toBe(
      'b926b921-c70c-50ae-8b03-8bbf1cc59285',
    );
  });
});

describe('isUuid and uuidVersion', () => {
  it.each([
    ['a v4', '1d575bdc-9051-4bfb-8bae-f87fc0be70c3', true, 4],
    ['a v7', '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', true, 7],
    ['upper case', '1D575BDC-9051-4BFB-8BAE-F87FC0BE70C3', true, 4],
    ['no dashes', '1d575bdc90514bfb8baef87fc0be70c3', false, undefined],
    ['braces', '{1d575bdc-9051-4bfb-8bae-f87fc0be70c3}', false, undefined],
    ['too short', '1d575bdc-9051-4bfb-8bae-f87fc0be70c', false, undefined],
    ['text', 'latest', false, undefined],
  ])('classifies %s', (_case, value, valid, version) => {
    expect(isUuid(value)).toBe(valid);
    expect(uuidVersion(value)).toBe(version);
  });
});
