/**
 * Region quotas that decide whether one Region can carry ALL the traffic after a failover, how the
 * forecast is compared against them, and the recommendations that follow. Pure functions.
 */
import { z } from "zod";
import { niceCeil } from "./stats";

/** The quotas the capacity check compares, in this tool's own terms. */
export const QUOTA_KEYS = ["concurrentCalls", "concurrentChats", "phoneNumbers", "queues", "lambdaConcurrency"] as const;
export type QuotaKey = (typeof QUOTA_KEYS)[number];

/** Quota values per key for one Region (missing = unknown). */
export type RegionQuotas = Partial<Record<QuotaKey, number>>;

/** The Service Quotas service code and quota name behind each key (what an increase request names). */
export const SERVICE_QUOTAS: Readonly<Record<QuotaKey, { readonly serviceCode: string; readonly quotaName: string; readonly aliases: readonly string[] }>> = {
  concurrentCalls: { serviceCode: "connect", quotaName: "Concurrent active calls per instance", aliases: ["Concurrent calls per instance"] },
  concurrentChats: { serviceCode: "connect", quotaName: "Concurrent active chats per instance", aliases: ["Concurrent chats per instance"] },
  phoneNumbers: { serviceCode: "connect", quotaName: "Phone numbers per instance", aliases: [] },
  queues: { serviceCode: "connect", quotaName: "Queues per instance", aliases: [] },
  lambdaConcurrency: { serviceCode: "lambda", quotaName: "Concurrent executions", aliases: [] },
};

/** The kebab-case name of a key as flags spell it (`concurrentCalls` -> `concurrent-calls`). */
export function flagName(key: QuotaKey): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

const KEY_BY_FLAG = new Map(QUOTA_KEYS.map((k) => [flagName(k), k]));
const KEY_BY_QUOTA_NAME = new Map<string, QuotaKey>(
  QUOTA_KEYS.flatMap((k) => [SERVICE_QUOTAS[k].quotaName, ...SERVICE_QUOTAS[k].aliases].map((n) => [n.toLowerCase(), k] as [string, QuotaKey])),
);

/** An input problem that names what was wrong and what is allowed (the CLI prints it without a stack). */
export class CapacityInputError extends Error {
  override readonly name = "CapacityInputError";
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/**
 * Parses one `--quota <region>:<name>=<value>` flag, e.g. `us-west-2:concurrent-calls=40`.
 */
export function parseQuotaFlag(text: string): { region: string; key: QuotaKey; value: number } {
  const m = /^([^:=\s]+):([a-z-]+)=(.+)$/.exec(text.trim());
  const allowed = [...KEY_BY_FLAG.keys()].join(", ");
  if (!m) throw new CapacityInputError(`--quota: "${text}" is not <region>:<name>=<value>, e.g. us-west-2:concurrent-calls=40 (names: ${allowed})`);
  const [, region, name, raw] = m as unknown as [string, string, string, string];
  if (!REGION.test(region)) throw new CapacityInputError(`--quota: "${region}" in "${text}" is not an AWS Region name such as us-east-1`);
  const key = KEY_BY_FLAG.get(name);
  if (!key) throw new CapacityInputError(`--quota: unknown quota "${name}" in "${text}"; allowed: ${allowed}`);
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new CapacityInputError(`--quota: value "${raw}" in "${text}" must be a number >= 0`);
  return { region, key, value };
}

const ownRegion = z.object(Object.fromEntries(QUOTA_KEYS.map((k) => [k, z.number().nonnegative().optional()])) as Record<QuotaKey, z.ZodOptional<z.ZodNumber>>).strict();
const serviceQuotasOutput = z.object({
  Quotas: z.array(z.object({ QuotaName: z.string(), Value: z.number(), ServiceCode: z.string().optional() }).loose()),
}).loose();
const regionEntry = z.union([ownRegion, serviceQuotasOutput, z.array(serviceQuotasOutput)]);

/**
 * Parses a quotas file: an object keyed by Region whose value is either this tool's own form
 * (`{"concurrentCalls": 100, "lambdaConcurrency": 1000, ...}`), the JSON output of
 * `aws service-quotas list-service-quotas --service-code connect` (`{"Quotas": [...]}`), or an array
 * of such outputs (for example connect and lambda). Quota names are matched to keys by
 * {@link SERVICE_QUOTAS}; others are ignored.
 */
export function parseQuotasFile(json: unknown, source = "--service-quotas"): Record<string, RegionQuotas> {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new CapacityInputError(`${source}: expected an object keyed by Region, e.g. {"us-east-1": {"concurrentCalls": 100}}`);
  }
  const out: Record<string, RegionQuotas> = {};
  for (const [region, value] of Object.entries(json as Record<string, unknown>)) {
    if (!REGION.test(region)) throw new CapacityInputError(`${source}: key "${region}" is not an AWS Region name such as us-east-1`);
    const parsed = regionEntry.safeParse(value);
    if (!parsed.success) {
      throw new CapacityInputError(
        `${source}: "${region}" must be {${QUOTA_KEYS.map((k) => `"${k}": N`).join(", ")}} (any subset, numbers >= 0), ` +
          `or the output of \`aws service-quotas list-service-quotas\` ({"Quotas": [...]}), or an array of those: ${parsed.error.issues[0]?.message ?? ""}`,
      );
    }
    const data = parsed.data;
    const quotas: RegionQuotas = {};
    const outputs = Array.isArray(data) ? data : "Quotas" in data ? [data as z.infer<typeof serviceQuotasOutput>] : undefined;
    if (outputs) {
      for (const o of outputs) {
        for (const q of o.Quotas) {
          const key = KEY_BY_QUOTA_NAME.get(q.QuotaName.toLowerCase());
          if (key) quotas[key] = q.Value;
        }
      }
    } else {
      Object.assign(quotas, data);
    }
    out[region] = quotas;
  }
  return out;
}

/** Merges quota sources, later ones winning per (Region, key). */
export function mergeQuotas(...sources: readonly Record<string, RegionQuotas>[]): Record<string, RegionQuotas> {
  const out: Record<string, RegionQuotas> = {};
  for (const source of sources) for (const [region, q] of Object.entries(source)) out[region] = { ...(out[region] ?? {}), ...q };
  return out;
}

/** What one Region must hold for one quota when it carries all the traffic. */
export interface Requirement {
  readonly key: QuotaKey;
  /** The forecast expected peak (or the current count for resources). */
  readonly expected: number;
  /** The forecast peak's upper band (equals `expected` for counted resources). */
  readonly high: number;
  /** ceil(high x (1 + headroom)): the quota this Region needs. */
  readonly required: number;
  /** How the numbers were obtained. */
  readonly basis: string;
}

export function requirement(key: QuotaKey, expected: number, high: number, headroom: number, basis: string): Requirement {
  return { key, expected, high, required: Math.ceil(high * (1 + headroom) - 1e-9), basis };
}

/**
 * Lambda concurrency the flows need = peak call arrival rate (calls/s) x Lambda invocations per
 * contact x mean invocation duration (s) (Little's law over the functions).
 */
export function lambdaConcurrency(callsPerSecond: number, invocationsPerContact: number, durationSeconds: number): number {
  return callsPerSecond * invocationsPerContact * durationSeconds;
}

export type CheckStatus = "ok" | "insufficient" | "unknown";

export interface QuotaCheck {
  readonly region: string;
  readonly key: QuotaKey;
  readonly quota: number | null;
  readonly expected: number;
  readonly high: number;
  readonly required: number;
  /** high / quota (null when the quota is unknown or 0). */
  readonly utilization: number | null;
  readonly status: CheckStatus;
}

/**
 * Compares every requirement against every Region's quota: a Region is insufficient for a key when
 * its quota is below the required value (the upper band of the all-traffic peak plus headroom).
 */
export function checkQuotas(requirements: readonly Requirement[], regions: readonly string[], quotas: Readonly<Record<string, RegionQuotas>>): QuotaCheck[] {
  const checks: QuotaCheck[] = [];
  for (const region of regions) {
    for (const r of requirements) {
      const quota = quotas[region]?.[r.key];
      const known = quota !== undefined;
      checks.push({
        region,
        key: r.key,
        quota: known ? quota : null,
        expected: r.expected,
        high: r.high,
        required: r.required,
        utilization: known && quota > 0 ? r.high / quota : null,
        status: !known ? "unknown" : quota >= r.required ? "ok" : "insufficient",
      });
    }
  }
  return checks;
}

export interface QuotaIncrease {
  readonly kind: "quota-increase";
  readonly region: string;
  readonly key: QuotaKey;
  readonly serviceCode: string;
  readonly quotaName: string;
  readonly current: number;
  /** The value to request: the requirement rounded up to a plain number. */
  readonly requested: number;
  readonly reason: string;
  /** The AWS CLI call that files the request (the quota code is looked up by name first). */
  readonly command: string;
}

export interface ProvisionedConcurrency {
  readonly kind: "lambda-provisioned-concurrency";
  /** Lambda concurrency at the forecast peak's expected value and upper band. */
  readonly expectedPeak: number;
  readonly highPeak: number;
  /** Application Auto Scaling target tracking on LambdaProvisionedConcurrencyUtilization. */
  readonly targetUtilization: number;
  /** Floor: the expected peak, so the peak hour starts warm. */
  readonly minCapacity: number;
  /** Ceiling: the upper band with headroom at the target utilisation. */
  readonly maxCapacity: number;
  /** Scheduled action raising the floor an hour before the daily peak (UTC). */
  readonly schedule: { readonly cron: string; readonly minCapacity: number };
  /** Off-peak floor after the peak. */
  readonly offPeakMinCapacity: number;
  readonly reason: string;
}

export type Recommendation = QuotaIncrease | ProvisionedConcurrency;

/** One increase request per insufficient (Region, quota). */
export function quotaIncreases(checks: readonly QuotaCheck[]): QuotaIncrease[] {
  return checks
    .filter((c) => c.status === "insufficient")
    .map((c) => {
      const sq = SERVICE_QUOTAS[c.key];
      const requested = niceCeil(c.required);
      return {
        kind: "quota-increase" as const,
        region: c.region,
        key: c.key,
        serviceCode: sq.serviceCode,
        quotaName: sq.quotaName,
        current: c.quota!,
        requested,
        reason: `${c.region} ${sq.quotaName} is ${c.quota}, below the ${c.required} needed with all traffic in ${c.region} (forecast peak ${round(c.expected)}, upper band ${round(c.high)}, plus headroom)`,
        command:
          `aws service-quotas request-service-quota-increase --region ${c.region} --service-code ${sq.serviceCode} ` +
          `--quota-code "$(aws service-quotas list-service-quotas --region ${c.region} --service-code ${sq.serviceCode} --query "Quotas[?QuotaName=='${sq.quotaName}'].QuotaCode" --output text)" ` +
          `--desired-value ${requested}`,
      };
    });
}

/**
 * Provisioned concurrency with Application Auto Scaling for the flows' Lambda functions: target
 * tracking at `targetUtilization`, floor at the expected peak concurrency during the peak hours
 * (scheduled) and at the off-peak expected concurrency otherwise, ceiling at the upper band with
 * headroom divided by the target.
 */
export function provisionedConcurrency(input: {
  expectedPeak: number;
  highPeak: number;
  offPeak: number;
  headroom: number;
  peakHourUtc: number;
  targetUtilization?: number;
}): ProvisionedConcurrency {
  const target = input.targetUtilization ?? 0.7;
  const minCapacity = Math.max(1, Math.ceil(input.expectedPeak - 1e-9));
  const maxCapacity = Math.max(minCapacity, Math.ceil((input.highPeak * (1 + input.headroom)) / target - 1e-9));
  const offPeakMinCapacity = Math.max(1, Math.ceil(input.offPeak - 1e-9));
  const hour = (input.peakHourUtc + 23) % 24;
  return {
    kind: "lambda-provisioned-concurrency",
    expectedPeak: input.expectedPeak,
    highPeak: input.highPeak,
    targetUtilization: target,
    minCapacity,
    maxCapacity,
    schedule: { cron: `cron(0 ${hour} * * ? *)`, minCapacity },
    offPeakMinCapacity,
    reason:
      `flows need ${round(input.expectedPeak)} concurrent Lambda executions at the forecast peak (upper band ${round(input.highPeak)}); ` +
      `target tracking at ${target} utilisation between ${offPeakMinCapacity} and ${maxCapacity}, floor raised to ${minCapacity} at ${String(hour).padStart(2, "0")}:00 UTC`,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
