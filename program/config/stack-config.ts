import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { type ConfigProblem, allowedForIssue, formatKeyPath, formatProblems, problemsFromIssues } from "./config-problem";
import {
  checkAccounts,
  checkConnectOwnership,
  checkConnectReferences,
  checkCrm,
  checkDatabase,
  checkDirectConnect,
  checkDns,
  checkGdpr,
  checkLambdaAutoScaling,
  checkRecordings,
  checkRecoveryObjectives,
  checkRegions,
  checkTelephony,
  checkGovernance,
  checkEdge,
  checkVpc,
  checkFailoverOperators,
  checkPeerProbe,
  checkTrafficDistribution,
  checkPeerProbeOwner,
} from "./cross-checks";
import { closestMatch } from "./did-you-mean";
import { TOP_LEVEL_SCHEMAS, type TopLevelKey, knownKeysAt } from "./schema";

type Schemas = typeof TOP_LEVEL_SCHEMAS;

/** The validated stack configuration, defaults applied. */
export type StackConfig = { readonly [K in TopLevelKey]: z.output<Schemas[K]> };

/** Convenience aliases for the parts components and the program use. */
export type StackRole = StackConfig["role"];
export type AccountsConfig = StackConfig["accounts"];
export type AccountName = keyof AccountsConfig;
export type ConnectConfig = StackConfig["connect"];
export type RecordingsConfig = StackConfig["recordings"];
export type DnsConfig = StackConfig["dns"];
export type DirectConnectConfig = NonNullable<StackConfig["directConnect"]>;
export type MonitoringConfig = NonNullable<StackConfig["monitoring"]>;
export type LambdaAutoScalingConfig = NonNullable<StackConfig["lambdaAutoScaling"]>;
export type TelephonyConfig = NonNullable<StackConfig["telephony"]>;
export type CrmConfig = NonNullable<StackConfig["crm"]>;
export type DatabaseConfig = NonNullable<StackConfig["database"]>;
export type TrafficDistributionConfig = NonNullable<StackConfig["trafficDistribution"]>;
export type PeerProbeConfig = StackConfig["peerProbe"];

/**
 * Thrown when the stack configuration is invalid: ONE message listing every problem, one line each.
 * It is a `pulumi.RunError`, so `pulumi up` prints the message without a stack trace.
 */
export class StackConfigError extends pulumi.RunError {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(formatProblems(problems));
    this.name = "StackConfigError";
  }
}

const TOP_LEVEL_KEYS = Object.keys(TOP_LEVEL_SCHEMAS) as TopLevelKey[];

/**
 * Validates raw config (key without namespace -> decoded value) and returns every problem found, or the
 * typed config when there are none. Pure: no I/O, no Pulumi runtime.
 */
export function checkStackConfig(raw: Record<string, unknown>): { config?: StackConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const parsed: Partial<Record<TopLevelKey, unknown>> = {};
  for (const key of Object.keys(raw)) {
    if (!(key in TOP_LEVEL_SCHEMAS)) {
      const suggestion = closestMatch(key, TOP_LEVEL_KEYS);
      const hint = suggestion ? `did you mean ${suggestion}? ` : "";
      problems.push({ path: formatKeyPath([key]), found: raw[key], allowed: `no such key; ${hint}known keys: ${TOP_LEVEL_KEYS.join(", ")}` });
    }
  }
  for (const key of TOP_LEVEL_KEYS) {
    const schema: z.ZodType = TOP_LEVEL_SCHEMAS[key];
    const result = schema.safeParse(raw[key], { error: (issue) => allowedForIssue(issue) });
    if (result.success) parsed[key] = result.data;
    else problems.push(...problemsFromIssues(result.error.issues, raw[key], [key], (path) => knownKeysAt(schema, path)));
  }
  problems.push(...checkRegions(raw), ...checkGdpr(raw), ...checkAccounts(raw), ...checkConnectReferences(raw), ...checkConnectOwnership(raw), ...checkDns(raw));
  problems.push(...checkLambdaAutoScaling(raw), ...checkTelephony(raw), ...checkCrm(raw), ...checkDatabase(raw), ...checkGovernance(raw), ...checkEdge(raw), ...checkFailoverOperators(raw));
  problems.push(...checkTrafficDistribution(raw), ...checkPeerProbeOwner(raw), ...checkVpc(raw));
  const p = parsed as Partial<StackConfig>;
  if (p.recordings) problems.push(...checkRecordings(p.recordings));
  if (p.dns && p.rtoSeconds !== undefined) problems.push(...checkRecoveryObjectives(p.rtoSeconds, p.dns));
  if (p.directConnect) problems.push(...checkDirectConnect(p.directConnect, raw.vpc !== undefined));
  if (p.peerProbe) problems.push(...checkPeerProbe(p.peerProbe));
  return problems.length === 0 ? { config: parsed as StackConfig, problems } : { problems };
}

/**
 * Validates raw config and returns it typed, with defaults applied.
 * @throws StackConfigError listing every problem when anything is wrong.
 */
export function parseStackConfig(raw: Record<string, unknown>): StackConfig {
  const { config, problems } = checkStackConfig(raw);
  if (!config) throw new StackConfigError(problems);
  return config;
}

/** The Region this stack deploys into. */
export function stackRegion(config: Pick<StackConfig, "role" | "primaryRegion" | "secondaryRegion">): string {
  return config.role === "primary" ? config.primaryRegion : config.secondaryRegion;
}

/** The other DR Region. */
export function peerRegion(config: Pick<StackConfig, "role" | "primaryRegion" | "secondaryRegion">): string {
  return config.role === "primary" ? config.secondaryRegion : config.primaryRegion;
}
