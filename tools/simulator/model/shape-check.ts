/**
 * Checks a value against a shape of the service model: types, required members, unions, string
 * lengths (in code points) and patterns (whole value, Java semantics), enums, numeric ranges, list
 * and map sizes, recursively. Each finding is worded like the service's own validation messages
 * ("Value 'x' at 'Name' failed to satisfy constraint: Member must have length less than or equal to
 * 127").
 */
import { javaPatternToRegExp } from "./java-pattern";
import type { ConnectModel, ModelShape } from "./connect-model";

/** One constraint a value breaks. */
export interface ModelProblem {
  /** Where, from the top of the input or output: `Name`, `QueueConfigs[0].Priority`, `Tags["k"]`. */
  readonly path: string;
  /** What the model requires, in the service's words. */
  readonly constraint: string;
  /** The value found (undefined for a missing member). */
  readonly value?: unknown;
}

/**
 * `input`: a decoded request (timestamps as `Date`s; members the model lacks are not judged, the
 * decoder drops them); every constraint applies. `output`: a response body as JSON on the wire
 * (timestamps as epoch seconds), judged on what a client relies on: types, required members, enum
 * values, union arity, ARNs where the shape is an ARN, and no members the model lacks (the SDK
 * would silently drop them). Lengths, patterns and ranges are input rules (the service itself
 * answers `Tags: {}` against TagMap's minimum of 1).
 */
export type CheckMode = "input" | "output";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);
}

function absent(value: unknown): boolean {
  return value === undefined || value === null;
}

/** Output shapes named as ARNs (`ARN`, `...Arn`, not `...IdOrArn`) mostly carry no pattern in the model; the name is the contract. */
function isArnShapeName(name: string): boolean {
  return /(^|[a-z])(Arn|ARN)$/.test(name) && !/OrArn$/.test(name);
}

class Checker {
  readonly problems: ModelProblem[] = [];
  constructor(readonly model: ConnectModel, readonly mode: CheckMode) {}

  private add(path: string, constraint: string, value?: unknown): void {
    this.problems.push({ path: path || "(top)", constraint, ...(value !== undefined ? { value } : {}) });
  }

  check(shapeName: string, value: unknown, path: string): void {
    const shape = this.model.shapes[shapeName];
    if (!shape) throw new Error(`The model has no shape ${shapeName}`);
    this.checkShape(shapeName, shape, value, path);
  }

  private range(path: string, value: unknown, size: number, min: number | undefined, max: number | undefined, what: "length" | "value"): void {
    if (this.mode === "output") return;
    if (min !== undefined && size < min) this.add(path, `Member must have ${what} greater than or equal to ${min}`, value);
    if (max !== undefined && size > max) this.add(path, `Member must have ${what} less than or equal to ${max}`, value);
  }

  private checkShape(name: string, shape: ModelShape, value: unknown, path: string): void {
    switch (shape.type) {
      case "string": {
        if (typeof value !== "string") return this.add(path, "Member must be a string", value);
        if (shape.enum && !shape.enum.includes(value)) this.add(path, `Member must satisfy enum value set: [${shape.enum.join(", ")}]`, value);
        this.range(path, value, [...value].length, shape.min, shape.max, "length");
        if (this.mode === "input" && shape.pattern !== undefined && !javaPatternToRegExp(shape.pattern).test(value)) {
          this.add(path, `Member must satisfy regular expression pattern: ${shape.pattern}`, value);
        }
        if (this.mode === "output" && isArnShapeName(name) && !value.startsWith("arn:")) this.add(path, `Member must be an ARN (shape ${name})`, value);
        return;
      }
      case "integer":
      case "long":
        if (typeof value !== "number" || !Number.isInteger(value)) return this.add(path, "Member must be an integer", value);
        return this.range(path, value, value, shape.min, shape.max, "value");
      case "float":
      case "double":
        if (typeof value !== "number" || !Number.isFinite(value)) return this.add(path, "Member must be a number", value);
        return this.range(path, value, value, shape.min, shape.max, "value");
      case "boolean":
        if (typeof value !== "boolean") this.add(path, "Member must be a boolean", value);
        return;
      case "timestamp": {
        const ok = value instanceof Date ? !Number.isNaN(value.getTime()) : typeof value === "number" && Number.isFinite(value);
        if (!ok) this.add(path, "Member must be a timestamp", value);
        return;
      }
      case "blob":
        return;
      case "list":
        if (!Array.isArray(value)) return this.add(path, "Member must be a list", value);
        this.range(path, `(${value.length} items)`, value.length, shape.min, shape.max, "length");
        value.forEach((item, i) => this.check(shape.member, item, `${path}[${i}]`));
        return;
      case "map": {
        if (!isPlainObject(value)) return this.add(path, "Member must be a map", value);
        const entries = Object.entries(value);
        this.range(path, `(${entries.length} entries)`, entries.length, shape.min, shape.max, "length");
        for (const [k, v] of entries) {
          this.check(shape.key, k, `${path} key ${JSON.stringify(k)}`);
          this.check(shape.value, v, `${path}[${JSON.stringify(k)}]`);
        }
        return;
      }
      case "structure": {
        if (!isPlainObject(value)) return this.add(path, "Member must be a structure", value);
        const at = (member: string) => (path ? `${path}.${member}` : member);
        for (const member of shape.required ?? []) if (absent(value[member])) this.add(at(member), "Member must not be null");
        for (const label of shape.labels ?? []) {
          // Smithy's HTTP binding: a label is never empty (unless the shape's own minimum says so already).
          const min = (this.model.shapes[shape.members[label]!] as { min?: number }).min ?? 0;
          if (value[label] === "" && min < 1) this.add(at(label), "Member must not be empty (it is part of the request path)", "");
        }
        const set = Object.keys(value).filter((k) => !absent(value[k]));
        if (shape.union && set.length !== 1) this.add(path, `Exactly one member of ${name} must be set, found ${set.length}: [${set.join(", ")}]`);
        // In the model's member order, as the service reports them.
        for (const [member, target] of Object.entries(shape.members)) if (!absent(value[member])) this.check(target, value[member], at(member));
        if (this.mode === "output") {
          for (const member of set) if (!(member in shape.members)) this.add(at(member), `Member is not in the model's ${name}`, value[member]);
        }
        return;
      }
    }
  }
}

/** Every constraint of shape `shapeName` that `value` breaks (empty when it conforms). */
export function checkShape(model: ConnectModel, shapeName: string, value: unknown, mode: CheckMode): ModelProblem[] {
  const checker = new Checker(model, mode);
  checker.check(shapeName, value, "");
  return checker.problems;
}

/** The service's wording: `2 validation errors detected: Value 'x' at 'Name' failed to satisfy constraint: ...; ...`. */
export function describeProblems(problems: readonly ModelProblem[]): string {
  const each = problems.map((p) =>
    p.value === undefined ? `Value null at '${p.path}' failed to satisfy constraint: ${p.constraint}` : `Value ${shortValue(p.value)} at '${p.path}' failed to satisfy constraint: ${p.constraint}`,
  );
  return `${problems.length} validation error${problems.length === 1 ? "" : "s"} detected: ${each.join("; ")}`;
}

function shortValue(value: unknown): string {
  const text = typeof value === "string" ? `'${value}'` : JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
