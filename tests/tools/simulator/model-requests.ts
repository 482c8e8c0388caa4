/**
 * Requests built from AWS's model alone (not from the simulator's code): for an operation's input
 * shape, a valid request (every member, each at a value its constraints allow) and, for each
 * constraint the shape declares anywhere in its tree, requests that break exactly that constraint.
 */
import type { ConnectModel, ModelShape } from "../../../tools/simulator/model/connect-model";
import { javaPatternToRegExp } from "../../../tools/simulator/model/java-pattern";

type Json = unknown;
/** A member's location: property names and list indexes from the top of the input. */
type Path = readonly (string | number)[];

/** The constraint kinds the model declares. */
export type ConstraintKind = "required" | "minLength" | "maxLength" | "pattern" | "enum" | "minValue" | "maxValue" | "minItems" | "maxItems" | "union";

/** A request that breaks one constraint at one member. */
export interface Violation {
  readonly kind: ConstraintKind;
  /** The member, as the service's message names it (`QueueConfigs[0].Priority`). */
  readonly path: string;
  readonly input: Record<string, unknown>;
}

const UUID = "0b7c51e4-5f3c-4c4e-9a64-1b2c3d4e5f60";
/** Real-world values for patterned shapes (the formats AWS documents). */
const SAMPLES: Readonly<Record<string, string>> = {
  InstanceIdOrArn: UUID,
  TrafficDistributionGroupIdOrArn: UUID,
  TrafficDistributionGroupId: UUID,
  TrafficDistributionGroupArn: `arn:aws:connect:us-east-1:123456789012:traffic-distribution-group/${UUID}`,
  InstanceArn: `arn:aws:connect:us-east-1:123456789012:instance/${UUID}`,
  DirectoryAlias: "acme-cc",
  DirectoryId: "d-1234567890",
  AwsRegion: "us-west-2",
  RegionName: "us-west-2",
  Name128: "dr-group",
  Description250: "DR group",
  PhoneNumber: "+12065550100",
  SensitivePhoneNumber: "+12065550100",
  PhoneNumberPrefix: "+1206",
  TagKey: "team",
  ContactFlowModuleName: "Greeting",
  ContactFlowModuleDescription: "Greets callers",
  PhoneNumberDescription: "main line",
  CurrentMetricId: UUID,
};
/** Tried in order for a patterned shape without a sample. */
const FALLBACKS = ["abc", "a", UUID, "us-east-1", "+12065550100", "2024-01-31", "2024-01-31T12:00:00Z", "a@b.co", "s3://bucket/key", "Passw0rd"];
/** Tried in order for a value that breaks a pattern. */
const BREAKERS = ["!", " ", " a ", "a b", "\u0000", "aws:x", "d-x", "-", "..", "\n"];

const MAX_DEPTH = 6;

function stringFor(name: string, shape: Extract<ModelShape, { type: "string" }>): string | undefined {
  if (shape.enum) return shape.enum[0];
  const min = shape.min ?? 0;
  const max = shape.max ?? Number.MAX_SAFE_INTEGER;
  const fits = (s: string) => [...s].length >= min && [...s].length <= max && (shape.pattern === undefined || javaPatternToRegExp(shape.pattern).test(s));
  const plain = "x".repeat(Math.max(1, min));
  for (const candidate of [SAMPLES[name], ...(shape.pattern === undefined ? [plain] : FALLBACKS)]) if (candidate !== undefined && fits(candidate)) return candidate;
  return undefined;
}

/** A value of `name` that every constraint accepts; undefined when none can be built (the member is left out). */
export function validValue(model: ConnectModel, name: string, depth = 0): Json {
  const shape = model.shapes[name]!;
  switch (shape.type) {
    case "string": return stringFor(name, shape);
    case "integer": case "long": case "float": case "double": {
      const v = Math.max(shape.min ?? 1, Math.min(1, shape.max ?? 1));
      return shape.max !== undefined ? Math.min(v, shape.max) : v;
    }
    case "boolean": return true;
    case "timestamp": return new Date(Date.UTC(2024, 0, 31, 12));
    case "blob": return undefined;
    case "list": {
      if (depth >= MAX_DEPTH) return shape.min ? undefined : [];
      const item = validValue(model, shape.member, depth + 1);
      if (item === undefined) return shape.min ? undefined : [];
      return Array.from({ length: Math.max(1, shape.min ?? 0) }, () => structuredClone(item));
    }
    case "map": {
      const value = validValue(model, shape.value, depth + 1);
      const key = validValue(model, shape.key, depth + 1);
      if (value === undefined || typeof key !== "string" || (shape.min ?? 0) > 1) return undefined;
      return { [key]: value };
    }
    case "structure": {
      if (depth >= MAX_DEPTH) return undefined;
      const out: Record<string, Json> = {};
      for (const [member, target] of Object.entries(shape.members)) {
        if (shape.union && Object.keys(out).length === 1) break;
        const v = validValue(model, target, depth + 1);
        if (v !== undefined) out[member] = v;
        else if (shape.required?.includes(member)) return undefined;
      }
      return out;
    }
  }
}

function pathText(path: Path): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function setAt(root: Record<string, unknown>, path: Path, value: Json | typeof REMOVE): Record<string, unknown> {
  const copy = structuredClone(root);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}
const REMOVE = Symbol("remove");

function breakPattern(pattern: string, min: number, max: number): string | undefined {
  const re = javaPatternToRegExp(pattern);
  return BREAKERS.map((b) => (b.length < min ? b + "x".repeat(min - b.length) : b)).find((b) => b.length <= max && !re.test(b));
}

/** Every request that breaks one constraint of `shapeName` (a structure) at one member, walking the tree of `valid`. */
export function violations(model: ConnectModel, shapeName: string, valid: Record<string, unknown>): Violation[] {
  const out: Violation[] = [];
  const add = (kind: ConstraintKind, path: Path, value: Json | typeof REMOVE) => out.push({ kind, path: pathText(path), input: setAt(valid, path, value) });
  const walk = (name: string, value: Json, path: Path, depth: number): void => {
    const shape = model.shapes[name]!;
    if (depth > MAX_DEPTH) return;
    switch (shape.type) {
      case "string": {
        const min = shape.min ?? 0;
        const max = shape.max;
        if (shape.enum) add("enum", path, "NOT_A_MODEL_VALUE");
        if (min > 0) add("minLength", path, "x".repeat(min - 1));
        if (max !== undefined && max < 300_000) add("maxLength", path, "x".repeat(max + 1));
        if (shape.pattern !== undefined) {
          const broken = breakPattern(shape.pattern, min, max ?? Number.MAX_SAFE_INTEGER);
          if (broken !== undefined) add("pattern", path, broken);
        }
        return;
      }
      case "integer": case "long": case "float": case "double":
        if (shape.min !== undefined) add("minValue", path, shape.min - 1);
        if (shape.max !== undefined) add("maxValue", path, shape.max + 1);
        return;
      case "list": {
        const items = value as Json[];
        if (shape.min !== undefined && shape.min > 0) add("minItems", path, items.slice(0, shape.min - 1));
        if (shape.max !== undefined && items.length > 0 && shape.max < 1000) add("maxItems", path, Array.from({ length: shape.max + 1 }, () => structuredClone(items[0])));
        items.slice(0, 1).forEach((item, i) => walk(shape.member, item, [...path, i], depth + 1));
        return;
      }
      case "map": {
        const entries = Object.entries(value as Record<string, Json>);
        if (shape.min !== undefined && shape.min > 0) add("minItems", path, {});
        if (shape.max !== undefined && entries.length > 0 && shape.max < 1000) {
          add("maxItems", path, Object.fromEntries(Array.from({ length: shape.max + 1 }, (_, i) => [`${entries[0]![0]}${i}`, structuredClone(entries[0]![1])])));
        }
        return;
      }
      case "structure": {
        const v = value as Record<string, Json>;
        // A path label cannot be left out on the wire (the SDK refuses to send it); empty is how it goes missing.
        for (const member of shape.required ?? []) if (member in v) add("required", [...path, member], shape.labels?.includes(member) ? "" : REMOVE);
        if (shape.union) {
          const other = Object.keys(shape.members).find((m) => !(m in v) && validValue(model, shape.members[m]!, depth + 1) !== undefined);
          if (other) add("union", [...path, other], validValue(model, shape.members[other]!, depth + 1));
        }
        for (const [member, target] of Object.entries(shape.members)) if (member in v) walk(target, v[member], [...path, member], depth + 1);
        return;
      }
      default:
        return;
    }
  };
  walk(shapeName, valid, [], 0);
  return out;
}
