// Type-checks the public API of @otel-provenance/core as an ES module consumer.
import { mintDeploymentId, readManifest } from '@otel-provenance/core';

const deploymentId: string = mintDeploymentId();
export const manifest = readManifest;
export { deploymentId };
