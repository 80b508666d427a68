// Type-checks the one-call setup of @otel-provenance/node.
import { startProvenance } from '@otel-provenance/node';

const handle = startProvenance();
export const flushed: Promise<void> = handle.forceFlush();
