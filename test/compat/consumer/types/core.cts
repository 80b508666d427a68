// Type-checks the public API of @otel-provenance/core as a CommonJS consumer.
import { mintDeploymentId, readManifest } from '@otel-provenance/core';

const deploymentId: string = mintDeploymentId();
export const manifest = readManifest;
export { deploymentId };
