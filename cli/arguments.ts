import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseKinds, type Kind } from "./operations/model/kinds";
import { parseMapping, type MappingFile } from "./operations/restore/mapping-file";
import { parseStoreLocation } from "./operations/store/open-store";
import { UsageError } from "./errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANCE_ARN = /^arn:aws[a-z-]*:connect:([a-z0-9-]+):(\d+):instance\/([0-9a-f-]{36})$/i;

/** An instance id or instance ARN. The ARN's Region is returned so it can default `--region`. */
export function parseInstance(flag: string, value: string | undefined): { instanceId: string; region?: string } {
  if (value === undefined || value === "") throw new UsageError(`${flag} is required: an Amazon Connect instance id (UUID) or instance ARN`);
  if (UUID.test(value)) return { instanceId: value };
  const m = INSTANCE_ARN.exec(value);
  if (m) return { instanceId: m[3]!, region: m[1]! };
  throw UsageError.invalid(flag, value, "expected an instance id (UUID such as 11111111-2222-3333-4444-555555555555) or an instance ARN (arn:aws:connect:<region>:<account>:instance/<id>)");
}

export function isInstanceRef(value: string): boolean {
  return UUID.test(value) || INSTANCE_ARN.test(value);
}

export function parseLocation(flag: string, value: string | undefined): string {
  if (!value) throw new UsageError(`${flag} is required: a directory path or s3://bucket/prefix`);
  try {
    parseStoreLocation(value);
  } catch (err) {
    throw new UsageError(`${flag}: ${(err as Error).message}`);
  }
  return value;
}

export function parseKindList(flag: string, value: string | undefined): Kind[] | undefined {
  if (value === undefined) return undefined;
  try {
    return parseKinds(value);
  } catch (err) {
    throw new UsageError(`${flag}: ${(err as Error).message}`);
  }
}

export function parsePositive(flag: string, value: string | undefined, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw UsageError.invalid(flag, value, integer ? "expected a whole number greater than 0" : "expected a number greater than 0");
  }
  return n;
}

export function parseRegion(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(value)) throw UsageError.invalid(flag, value, "expected an AWS Region code such as us-east-1 or eu-west-2");
  return value;
}

export function parseUrl(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const u = new URL(value);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("scheme");
  } catch {
    throw UsageError.invalid(flag, value, "expected an http:// or https:// URL");
  }
  return value;
}

/** Reads and parses a JSON file named by a flag; errors name the flag and the path. */
export function readJsonFile(flag: string, path: string, cwd: string): unknown {
  const full = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(full, "utf8");
  } catch (err) {
    throw new UsageError(`${flag} ${JSON.stringify(path)}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${flag} ${JSON.stringify(path)}: not valid JSON (${(err as Error).message})`);
  }
}

/** The restore mapping file named by `--mapping`, parsed; a bad file is a usage error naming the flag. */
export function readMappingFlag(path: string | undefined, cwd: string): MappingFile | undefined {
  if (!path) return undefined;
  try {
    return parseMapping(readJsonFile("--mapping", path, cwd), `--mapping ${path}`);
  } catch (err) {
    throw err instanceof UsageError ? err : new UsageError((err as Error).message);
  }
}

/** Commander's collector for a repeatable flag: each use adds its value to the list. */
export function collectRepeated(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
