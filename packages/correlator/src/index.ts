export type { CorrelatorEnvSettings } from './config.js';
export { correlatorSettingsFromEnv } from './config.js';
export { credentialFingerprint } from './http/auth.js';
export type { LogEntry, Logger } from './http/log.js';
export { jsonLineLogger } from './http/log.js';
export type { CorrelatorOptions, RunningCorrelator } from './http/server.js';
export { startCorrelator } from './http/server.js';
export { deriveLeases } from './leases/derive-leases.js';
export type { ParsedAddress, ParsedCidr } from './leases/ip-address.js';
export { normalizeAddress, parseAddress, parseCidr } from './leases/ip-address.js';
export type {
  AddressKey,
  Asset,
  EntityEvent,
  Lease,
  NetworkResolution,
  Observations,
  Reporter,
  TelemetrySighting,
} from './leases/lease-types.js';
export { UNKNOWN_NETWORK } from './leases/lease-types.js';
export type { NetworkRange, RangeOverlap, ResolvedNetwork } from './leases/network-range.js';
export { findOverlaps, resolveNetworks } from './leases/network-range.js';
export type { RangeJson } from './leases/range-json.js';
export { parseRangeJson, toRangeJson } from './leases/range-json.js';
export type { LeaseRecord, WhoisAnswer, WhoisCandidate } from './leases/whois.js';
export { answerWhois } from './leases/whois.js';
export type { HttpClientOptions } from './query/http-client.js';
export { createHttpTimelineClient } from './query/http-client.js';
export { QueryError } from './query/query-error.js';
export type { LeasePage, TimelineQueries } from './query/timeline-queries.js';
export {
  createTimelineQueries,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
} from './query/timeline-queries.js';
export type {
  AddressClaims,
  LeaseKeyCursor,
  LeaseStore,
  PruneResult,
} from './store/lease-store.js';
export { describePostgresUrl, postgresUrlHasPassword } from './store/postgres-connection.js';
export type { PostgresStoreOptions } from './store/postgres-store.js';
export { openPostgresStore } from './store/postgres-store.js';
export type { SqliteStoreOptions } from './store/sqlite-store.js';
export { openSqliteStore } from './store/sqlite-store.js';
