import * as pulumi from "@pulumi/pulumi";
import type { Registration } from "../../tools/synthesis/registrations";

/**
 * Invariants every synthesized stack must hold, whatever its components: each names one way a
 * program that type-checks still sends AWS something it rejects or a function that cannot start.
 * Each check returns one line per finding (empty when it holds).
 */

/** Pulumi's text when an Output is interpolated as a plain string (`${output}` outside `interpolate`). */
export const OUTPUT_TO_STRING_TEXT = "Calling [toString] on an [Output<T>]";

/** The properties Pulumi itself manages on every resource object. */
const PULUMI_OWNED = new Set(["id", "urn", "__provider"]);

/**
 * Every property a resource was registered with is an Output on the resource object once its
 * constructor has returned. A class field on a dynamic resource (`public readonly arn!: ...`) breaks
 * this under the ES2022 target: it is defined after `super()` and resets Pulumi's output.
 */
export function outputsLostAfterConstruction(registrations: readonly Registration[]): string[] {
  const found: string[] = [];
  for (const r of registrations) {
    for (const key of Object.keys(r.props)) {
      if (PULUMI_OWNED.has(key)) continue;
      const value = (r.resource as unknown as Record<string, unknown>)[key];
      if (!pulumi.Output.isInstance(value)) found.push(`${r.type}::${r.name}: output '${key}' is ${value === undefined ? "undefined" : typeof value} after construction, not an Output`);
    }
  }
  return found;
}

/** A value Pulumi resolves later: an Output or a promise. */
function isEventual(value: unknown): value is pulumi.Output<unknown> | Promise<unknown> {
  return pulumi.Output.isInstance(value) || value instanceof Promise;
}

/** The leaves to walk into: plain objects and arrays, not resources, assets or archives. */
function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== "object") return false;
  if (pulumi.Resource.isInstance(value) || pulumi.asset.Asset.isInstance(value) || pulumi.asset.Archive.isInstance(value)) return false;
  return Object.getPrototypeOf(value) === Object.prototype;
}

/** Resolves an Output or promise (the mock runtime resolves every value outside preview). */
function settleValue(value: pulumi.Input<unknown>): Promise<unknown> {
  return new Promise((ok) => (pulumi.output(value) as pulumi.Output<unknown>).apply((v) => ok(v)));
}

/**
 * Where the program passed a value that turned out to be nothing: an Output or promise resolving to
 * `undefined` or `null` (a plain `undefined` at a key means "not passed"), and any `undefined` or
 * `null` inside an array, which the engine receives as `null`.
 */
export async function missingPassedValues(registrations: readonly Registration[]): Promise<string[]> {
  const found: string[] = [];
  const walk = async (label: string, path: string, value: unknown, inArray: boolean, seen: Set<unknown>): Promise<void> => {
    if (isEventual(value)) {
      const resolved = await settleValue(value);
      if (resolved === undefined || resolved === null) found.push(`${label}: '${path}' was given an Output that resolved to ${String(resolved)}`);
      else await walk(label, path, resolved, false, seen);
      return;
    }
    if (value === undefined || value === null) {
      if (inArray) found.push(`${label}: '${path}' holds ${String(value)} in a list`);
      return;
    }
    if (!isContainer(value) || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) await walk(label, `${path}[${i}]`, item, true, seen);
    } else {
      for (const [key, item] of Object.entries(value)) await walk(label, path ? `${path}.${key}` : key, item, false, seen);
    }
  };
  // A provider's class wraps every argument in an Output, passed or not: its props are the SDK's, not the program's.
  for (const r of registrations.filter((x) => !x.type.startsWith("pulumi:providers:"))) {
    for (const [key, value] of Object.entries(r.props)) {
      if (!PULUMI_OWNED.has(key)) await walk(`${r.type}::${r.name}`, key, value, false, new Set());
    }
  }
  return found;
}

/** Every string anywhere in `value`, with its path. */
function* strings(value: unknown, path = ""): Generator<[string, string]> {
  if (typeof value === "string") yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, `${path}[${i}]`);
  else if (value !== null && typeof value === "object") for (const [k, item] of Object.entries(value)) yield* strings(item, path ? `${path}.${k}` : k);
}

/** A JSON policy document in a string, if it is one. */
function policyDocument(text: string): { Statement?: unknown } | undefined {
  if (!text.trimStart().startsWith("{") || !text.includes("Statement")) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed !== null && typeof parsed === "object" && "Statement" in parsed ? (parsed as { Statement?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}

/** Identity policies (no Principal) by resource type: IAM inline and managed policies, SCPs. */
const IDENTITY_POLICY_TYPES = new Set(["aws:iam/rolePolicy:RolePolicy", "aws:iam/policy:Policy", "aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy", "aws:organizations/policy:Policy"]);

type PolicyKind = "identity" | "trust" | "resource";

function policyKind(type: string, path: string): PolicyKind {
  if (/(^|\.)assumeRolePolicy$/.test(path)) return "trust";
  if (IDENTITY_POLICY_TYPES.has(type) || /(^|\.)inlinePolicies\[\d+\]\.policy$/.test(path)) return "identity";
  return "resource";
}

const nonEmptyStrings = (v: unknown): boolean => (typeof v === "string" && v !== "") || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string" && x !== ""));

/**
 * One line per incomplete statement of an IAM policy document in `inputs` of a resource of `type`:
 * every statement has Effect, Action or NotAction, and Resource or NotResource; trust and resource
 * policies name a Principal (or NotPrincipal); a trust policy needs no Resource.
 */
export function incompletePolicyStatements(label: string, type: string, inputs: Readonly<Record<string, unknown>>): string[] {
  const found: string[] = [];
  for (const [path, text] of strings(inputs)) {
    const doc = policyDocument(text);
    if (!doc) continue;
    const kind = policyKind(type, path);
    const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    statements.forEach((s, i) => {
      const where = `${label}: ${path} Statement[${i}]${(s as { Sid?: string })?.Sid ? ` (${(s as { Sid: string }).Sid})` : ""}`;
      if (s === null || typeof s !== "object") {
        found.push(`${where} is not an object`);
        return;
      }
      const st = s as Record<string, unknown>;
      if (st.Effect !== "Allow" && st.Effect !== "Deny") found.push(`${where} has Effect ${JSON.stringify(st.Effect)}; Allow or Deny`);
      if (!nonEmptyStrings(st.Action) && !nonEmptyStrings(st.NotAction)) found.push(`${where} has no Action or NotAction`);
      if (kind !== "trust" && !nonEmptyStrings(st.Resource) && !nonEmptyStrings(st.NotResource)) found.push(`${where} has no Resource or NotResource`);
      const hasPrincipal = st.Principal !== undefined || st.NotPrincipal !== undefined;
      if (kind !== "identity" && !hasPrincipal) found.push(`${where} names no Principal (a ${kind} policy)`);
      if (kind === "identity" && hasPrincipal) found.push(`${where} names a Principal in an identity policy`);
    });
  }
  return found;
}

/** The Lambda environment variables a function declares that are not non-empty strings. */
export async function emptyLambdaEnvironment(registrations: readonly Registration[]): Promise<string[]> {
  const found: string[] = [];
  for (const r of registrations.filter((x) => x.type === "aws:lambda/function:Function")) {
    const environment = r.props.environment;
    if (environment === undefined) continue;
    // The keys the program wrote, each resolved: a key whose value is missing is a finding, not "unset".
    const variables = (await settleValue(pulumi.output(environment as pulumi.Input<{ variables?: Record<string, unknown> }>))) as { variables?: Record<string, unknown> } | undefined;
    for (const [key, value] of Object.entries(variables?.variables ?? {})) {
      if (typeof value !== "string" || value === "") found.push(`${r.type}::${r.name}: environment variable ${key} is ${JSON.stringify(value) ?? "undefined"}; a non-empty string`);
    }
  }
  return found;
}

/** Stack outputs the program declared whose value is (or holds) undefined or null. */
export function undefinedStackOutputs(outputs: Readonly<Record<string, unknown>>): string[] {
  const found: string[] = [];
  const walk = (path: string, value: unknown): void => {
    if (value === undefined || value === null) found.push(`stack output '${path}' is ${String(value)}`);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(`${path}[${i}]`, v));
    else if (typeof value === "object") for (const [k, v] of Object.entries(value)) walk(`${path}.${k}`, v);
  };
  for (const [key, value] of Object.entries(outputs)) walk(key, value);
  return found;
}

/** Strings anywhere in `value` that hold Pulumi's Output-toString text. */
export function outputToStringLeaks(label: string, value: unknown): string[] {
  return [...strings(value)].filter(([, s]) => s.includes(OUTPUT_TO_STRING_TEXT)).map(([path]) => `${label}: '${path}' holds "${OUTPUT_TO_STRING_TEXT}"`);
}
