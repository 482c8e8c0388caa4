import { resolve as resolvePath } from "node:path";
import type { Command } from "commander";
import type { S3ClientConfig } from "@aws-sdk/client-s3";
import { openSession, type ConnectSession } from "./operations/connect/session";
import { CONNECT_DEFAULT_QUOTA, parseQuotaFile, type QuotaTable } from "./operations/rate/quotas";
import { openStore } from "./operations/store/open-store";
import type { BackupStore } from "./operations/store/backup-store";
import { parsePositive, parseRegion, parseUrl, readJsonFile } from "./arguments";
import { UsageError } from "./errors";
import type { CliIo } from "./io";
import { progressFactory, type ProgressFactory } from "./progress";
import { requireServiceEndpoint } from "./service-endpoints";

/** Flags every command that talks to AWS shares. */
export interface CommonFlags {
  region?: string;
  endpointUrl?: string;
  profile?: string;
  quotas?: string;
  rate?: string;
  burst?: string;
  maxAttempts?: string;
  json?: boolean;
  progress?: boolean;
}

export function addCommonOptions(cmd: Command): Command {
  return cmd
    .option("--region <region>", "AWS Region (default: AWS_REGION / the profile's Region)")
    .option("--endpoint-url <url>", "Amazon Connect endpoint override (e.g. the local simulator); other services have their own --*-endpoint-url")
    .option("--profile <name>", "shared-config profile for credentials and Region (default: AWS_PROFILE / default chain)")
    .option("--quotas <file>", "API quotas: our JSON format or `aws service-quotas list-service-quotas --service-code connect` output")
    .option("--rate <rps>", "requests per second per API (default 2, the Connect default quota)")
    .option("--burst <n>", "burst per API (default 5)")
    .option("--max-attempts <n>", "attempts per call including retries (SDK adaptive retry; default 12)")
    .option("--json", "print one JSON object on stdout instead of text")
    .option("--no-progress", "no progress output on stderr");
}

export function addS3Options(cmd: Command): Command {
  return cmd
    .option("--kms-key-id <key>", "KMS key (id, alias or ARN) for SSE-KMS on s3:// backups (default: the aws/s3 key)")
    .option("--s3-endpoint-url <url>", "S3 endpoint override (e.g. a local S3 stand-in)")
    .option("--s3-force-path-style", "path-style S3 addressing (needed by most S3 stand-ins)")
    .option("--s3-profile <name>", "profile for the backup bucket, e.g. the backup-vault account (default: --profile)")
    .option("--s3-region <region>", "Region of the backup bucket (default: --region)")
    .option("--no-sse-kms", "do not request SSE-KMS (only for S3 stand-ins without KMS)");
}

export interface S3Flags {
  kmsKeyId?: string;
  s3EndpointUrl?: string;
  s3ForcePathStyle?: boolean;
  s3Profile?: string;
  s3Region?: string;
  sseKms?: boolean;
  region?: string;
  profile?: string;
  /** Amazon Connect's endpoint: when it is a stand-in, an s3:// location needs --s3-endpoint-url. */
  endpointUrl?: string;
}

/** The S3 client configuration the --s3-* flags (and --region/--profile) describe. */
export function s3ConfigFromFlags(flags: S3Flags): S3ClientConfig {
  return {
    ...((parseRegion("--s3-region", flags.s3Region) ?? flags.region) ? { region: flags.s3Region ?? flags.region } : {}),
    ...((flags.s3Profile ?? flags.profile) ? { profile: flags.s3Profile ?? flags.profile } : {}),
    ...(flags.s3EndpointUrl ? { endpoint: parseUrl("--s3-endpoint-url", flags.s3EndpointUrl) } : {}),
    ...(flags.s3ForcePathStyle ? { forcePathStyle: true } : {}),
  };
}

/**
 * The backup store at `location`: an `s3://` prefix, or a folder (relative to `cwd`, the directory the
 * command runs in).
 */
export function storeFromFlags(location: string, flags: S3Flags, cwd?: string): BackupStore {
  if (!location.startsWith("s3://") && !location.startsWith("file://") && cwd !== undefined) location = resolvePath(cwd, location);
  if (location.startsWith("s3://")) {
    requireServiceEndpoint(flags, { service: "Amazon S3", usedBy: `the backup location ${location}`, endpointFlag: "--s3-endpoint-url", ...(flags.s3EndpointUrl ? { endpoint: flags.s3EndpointUrl } : {}), skip: "use a local folder instead of s3://" });
  }
  return openStore(location, { ...(flags.kmsKeyId ? { kmsKeyId: flags.kmsKeyId } : {}), s3: s3ConfigFromFlags(flags), ...(flags.sseKms === false ? { sseKms: false } : {}) });
}

export function quotasFromFlags(flags: CommonFlags, io: CliIo): QuotaTable {
  const rate = parsePositive("--rate", flags.rate);
  const burst = parsePositive("--burst", flags.burst, true);
  let table: QuotaTable = { default: { ratePerSecond: rate ?? CONNECT_DEFAULT_QUOTA.ratePerSecond, burst: burst ?? CONNECT_DEFAULT_QUOTA.burst }, perApi: {} };
  if (flags.quotas) {
    try {
      table = parseQuotaFile(readJsonFile("--quotas", flags.quotas, io.cwd), table);
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError(`--quotas ${JSON.stringify(flags.quotas)}: ${(err as Error).message}`);
    }
  }
  return table;
}

/** Validates the common flags and opens a rate-aware Connect session. */
export async function sessionFromFlags(flags: CommonFlags, io: CliIo, defaults: { region?: string } = {}): Promise<ConnectSession> {
  const region = parseRegion("--region", flags.region) ?? defaults.region;
  const endpoint = parseUrl("--endpoint-url", flags.endpointUrl);
  const maxAttempts = parsePositive("--max-attempts", flags.maxAttempts, true);
  return openSession({
    ...(region ? { region } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(flags.profile ? { profile: flags.profile } : {}),
    quotas: quotasFromFlags(flags, io),
    ...(maxAttempts ? { maxAttempts } : {}),
  });
}

export function progressFromFlags(flags: CommonFlags, io: CliIo): ProgressFactory {
  return progressFactory(io, flags.progress !== false);
}

/** Prints the result: one JSON object with `--json`, else the human text. */
export function emit(io: CliIo, flags: { json?: boolean }, result: unknown, human: () => string): void {
  if (flags.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout.write(human());
}

/** Calls and throttling seen by one session, for reports. */
export function sessionStats(s: ConnectSession): Record<string, number> {
  return {
    calls: [...s.counters.callsByApi.values()].reduce((a, b) => a + b, 0),
    attempts: s.counters.attempts,
    writes: s.counters.writes,
    throttlesRetried: s.counters.throttlesRetried,
    throttlesSurfaced: s.counters.throttlesSurfaced,
  };
}
