// Loaded with `node --import @otel-provenance/node/register` or `--require`: starts the SDK from
// the environment before the application's own modules run. It exists for this side effect,
// which is why package.json lists it in `sideEffects`.
import { startProvenance } from './start-provenance.js';

startProvenance();
