/**
 * The Amazon Connect operation catalog, derived from the SDK's own static Smithy schemas.
 *
 * `@aws-sdk/client-connect` ships every operation as a static schema array
 * (`[9, namespace, name, { http: [method, uri, code] }, input, output]`) and every structure as
 * `[3, namespace, name, traits, memberNames, memberSchemas, requiredCount]`. Reading those instead of
 * typing ~110 routes by hand keeps the simulator's wire contract identical to what the client sends:
 * HTTP method, URI template, which members travel as labels, query parameters or headers, and which
 * members the model marks required.
 */
import * as connectSdk from "@aws-sdk/client-connect";

/** The wire-relevant kind of a member's target shape. */
export type MemberKind = "string" | "number" | "boolean" | "timestamp" | "list" | "map" | "structure" | "document" | "blob";

/** Where a request member travels on the wire (restJson1 HTTP bindings). */
export type MemberLocation = "label" | "query" | "queryParams" | "header" | "payload" | "body";

/** One member of an operation's input, with its HTTP binding. */
export interface MemberBinding {
  /** The member name as the SDK input object spells it (e.g. `InstanceId`, `resourceArn`). */
  readonly name: string;
  readonly kind: MemberKind;
  /** For lists: the kind of the elements (query strings need it to convert values). */
  readonly elementKind?: MemberKind;
  readonly location: MemberLocation;
  /** Query parameter or header name for `query`/`header` members; the label name for `label`. */
  readonly locationName: string;
  /** True when the model marks the member required. */
  readonly required: boolean;
}

/** One operation of the service, as the SDK would send it. */
export interface OperationSpec {
  readonly name: string;
  readonly method: string;
  /** URI template, e.g. `/queues/{InstanceId}/{QueueId}/name`. */
  readonly uri: string;
  /** HTTP status of a successful response. */
  readonly successCode: number;
  readonly members: readonly MemberBinding[];
}

/** A static schema reference as found in the SDK bundle: a type code, an array, or a thunk. */
type SchemaRef = unknown;

const TRAIT_BITS = ["httpLabel", "idempotent", "idempotencyToken", "sensitive", "httpPayload", "httpResponseCode", "httpQueryParams"];

function deref(ref: SchemaRef): SchemaRef {
  return typeof ref === "function" ? (ref as () => unknown)() : ref;
}

/** Member wrappers are `[targetRef, traits]` pairs; shape schemas are longer arrays tagged by a leading number. */
function isMemberWrapper(ref: SchemaRef): ref is [SchemaRef, unknown] {
  return Array.isArray(ref) && ref.length === 2;
}

function translateTraits(indicator: unknown): Record<string, unknown> {
  if (indicator !== null && typeof indicator === "object") return indicator as Record<string, unknown>;
  const bits = Number(indicator) | 0;
  const traits: Record<string, unknown> = {};
  TRAIT_BITS.forEach((trait, i) => {
    if (((bits >> i) & 1) === 1) traits[trait] = 1;
  });
  return traits;
}

function kindOfNumericCode(code: number): MemberKind {
  if (code & 64) return "list";
  if (code & 128) return "map";
  switch (code) {
    case 0: return "string";
    case 1: case 17: case 19: return "number";
    case 2: return "boolean";
    case 4: case 5: case 6: case 7: return "timestamp";
    case 15: return "document";
    case 21: return "blob";
    default: return "string";
  }
}

/** Resolves a member reference to its traits and target kind. */
function describeMember(ref: SchemaRef): { traits: Record<string, unknown>; kind: MemberKind; elementKind?: MemberKind } {
  let traits: Record<string, unknown> = {};
  let target = deref(ref);
  while (isMemberWrapper(target)) {
    traits = { ...translateTraits(target[1]), ...traits };
    target = deref(target[0]);
  }
  if (target === null || target === undefined) return { traits, kind: "structure" };
  if (typeof target === "number") {
    const kind = kindOfNumericCode(target);
    return kind === "list" ? { traits, kind, elementKind: kindOfNumericCode(target & 63) } : { traits, kind };
  }
  if (Array.isArray(target)) {
    switch (target[0]) {
      case 0: return { traits, kind: describeMember(target[4]).kind };
      case 1: return { traits, kind: "list", elementKind: describeMember(target[4]).kind };
      case 2: return { traits, kind: "map" };
      default: return { traits, kind: "structure" };
    }
  }
  return { traits, kind: "structure" };
}

function bindingsOf(inputRef: SchemaRef): MemberBinding[] {
  const input = deref(inputRef);
  if (!Array.isArray(input) || input[0] !== 3) return [];
  const names = input[4] as string[];
  const schemas = input[5] as SchemaRef[];
  const requiredCount = typeof input[6] === "number" ? input[6] : 0;
  return names.map((name, i) => {
    const { traits, kind, elementKind } = describeMember(schemas[i]);
    let location: MemberLocation = "body";
    let locationName = name;
    if (traits["httpLabel"]) location = "label";
    else if (typeof traits["httpQuery"] === "string") { location = "query"; locationName = traits["httpQuery"] as string; }
    else if (traits["httpQueryParams"]) location = "queryParams";
    else if (typeof traits["httpHeader"] === "string") { location = "header"; locationName = (traits["httpHeader"] as string).toLowerCase(); }
    else if (traits["httpPayload"]) location = "payload";
    return { name, kind, ...(elementKind ? { elementKind } : {}), location, locationName, required: i < requiredCount };
  });
}

let cached: ReadonlyMap<string, OperationSpec> | undefined;

/**
 * Every operation the installed SDK knows, keyed by operation name (e.g. `CreateQueue`).
 * Computed once; the SDK bundle is immutable at run time.
 */
export function operationCatalog(): ReadonlyMap<string, OperationSpec> {
  if (cached) return cached;
  const catalog = new Map<string, OperationSpec>();
  for (const [exportName, value] of Object.entries(connectSdk as Record<string, unknown>)) {
    if (!exportName.endsWith("$") || !Array.isArray(value) || value[0] !== 9) continue;
    const traits = value[3] as { http?: [string, string, number] };
    if (!traits.http) continue;
    const [method, uri, successCode] = traits.http;
    const name = value[2] as string;
    catalog.set(name, { name, method, uri, successCode, members: bindingsOf(value[4]) });
  }
  cached = catalog;
  return catalog;
}
