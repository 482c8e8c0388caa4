/**
 * The Amazon Connect API simulator: public entry points.
 */
export { startSimulator, type Simulator, type SimulatorOptions } from "./server";
export type { FaultConfig } from "./faults";
export type { QuotaConfig, RateLimit } from "./quotas";
export type { OperationCounters } from "./counters";
export type { SeedSpec, SeedResult } from "./seeding";
export type { CallRoute } from "./call-routing";
export { ADMIN_PREFIX } from "./admin";
