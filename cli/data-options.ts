import type { Command } from "commander";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { parseS3Location, type S3Location } from "./data/s3/s3-location";
import { parseRegion, parseUrl } from "./arguments";
import { UsageError } from "./errors";

/** One side (source, replica, target) of a data command: where, and with which credentials. */
export interface SideFlags {
  region?: string;
  profile?: string;
  endpointUrl?: string;
}

/** Adds `--<side>-region`, `--<side>-profile` and `--<side>-endpoint-url` (the two sides are usually two accounts and Regions). */
export function addSideOptions(cmd: Command, side: string, what: string): Command {
  return cmd
    .option(`--${side}-region <region>`, `Region of the ${what} (default: AWS_REGION / the profile's)`)
    .option(`--${side}-profile <name>`, `shared-config profile for the ${what} (default: AWS_PROFILE / default chain)`)
    .option(`--${side}-endpoint-url <url>`, `endpoint override for the ${what} (e.g. a local stand-in)`);
}

/** The side's flags out of commander's camel-cased options. */
export function sideFlags(flags: Record<string, unknown>, side: string): SideFlags {
  const get = (suffix: string) => flags[`${side}${suffix}`] as string | undefined;
  return { region: get("Region"), profile: get("Profile"), endpointUrl: get("EndpointUrl") };
}

/** An S3 client for one side; `forcePathStyle` for stand-ins that do not serve virtual-hosted names. */
export function s3ClientFor(side: string, f: SideFlags, forcePathStyle: boolean): S3Client {
  const region = parseRegion(`--${side}-region`, f.region);
  const endpoint = parseUrl(`--${side}-endpoint-url`, f.endpointUrl);
  const config: S3ClientConfig = {
    retryMode: "adaptive",
    maxAttempts: 8,
    ...(region ? { region } : {}),
    ...(f.profile ? { profile: f.profile } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(forcePathStyle ? { forcePathStyle: true } : {}),
  };
  return new S3Client(config);
}

/** A DynamoDB client for one side. */
export function dynamoClientFor(side: string, f: SideFlags): DynamoDBClient {
  const region = parseRegion(`--${side}-region`, f.region);
  const endpoint = parseUrl(`--${side}-endpoint-url`, f.endpointUrl);
  return new DynamoDBClient({ retryMode: "adaptive", maxAttempts: 10, ...(region ? { region } : {}), ...(f.profile ? { profile: f.profile } : {}), ...(endpoint ? { endpoint } : {}) });
}

/** `--flag s3://bucket/prefix`, or a UsageError naming the flag, the value and the form. */
export function s3LocationFlag(flag: string, value: string | undefined): S3Location {
  if (value === undefined) throw new UsageError(`${flag} is required: s3://<bucket>[/<prefix>]`);
  try {
    return parseS3Location(value);
  } catch (err) {
    throw UsageError.invalid(flag, value, (err as Error).message);
  }
}

/** A positive whole number flag with its default. */
export function wholeFlag(flag: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw UsageError.invalid(flag, value, `expected a whole number, at least ${min}`);
  return n;
}

/** An ISO-8601 instant flag (`2026-01-31T00:00:00Z`), as ms. */
export function instantFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(t)) throw UsageError.invalid(flag, value, "expected an ISO-8601 time such as 2026-01-31T00:00:00Z");
  return t;
}
