export { lambdaTrigger } from './lambda-trigger.js';
export type { FetchFunction, ProvenanceOptions } from './options.js';
export { DEFAULT_ENTITY_REPORT_INTERVAL_S, DEFAULT_FLUSH_TIMEOUT_MS } from './options.js';
export type { OptionsFromEnv } from './options-from-env.js';
export { optionsFromEnv } from './options-from-env.js';
export type { ProvenanceHandle } from './provenance-sdk.js';
export { startProvenance } from './start-provenance.js';
export type { InvocationContextLike, WithProvenanceOptions } from './with-provenance.js';
export { withProvenance } from './with-provenance.js';
