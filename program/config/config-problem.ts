import type { core } from "zod";
import { closestMatch } from "./did-you-mean";

/**
 * One thing wrong with the stack configuration: where (`connect-dr:dns.ttlSeconds`), what was found,
 * and what would have been accepted.
 */
export interface ConfigProblem {
  /** Full key path, e.g. `connect-dr:connect.queues[1].hoursOfOperation`. */
  readonly path: string;
  /** The value found at that path; `undefined` when the key is missing. */
  readonly found: unknown;
  /** What is allowed there, in words a user can act on. */
  readonly allowed: string;
}

/** The Pulumi config namespace of this project; every key path starts with it. */
export const CONFIG_NAMESPACE = "connect-dr";

const MAX_FOUND_CHARS = 80;

/**
 * Renders a key path the way a user writes it: `key.child[2].leaf` under the project namespace.
 * Numeric segments are array indexes.
 */
export function formatKeyPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return `${CONFIG_NAMESPACE}:${out}`;
}

/** Renders a found value: JSON for scalars, compact and shortened JSON for objects, `nothing` when unset. */
export function formatFound(value: unknown): string {
  if (value === undefined) return "nothing (key not set)";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_FOUND_CHARS ? `${text.slice(0, MAX_FOUND_CHARS - 1)}…` : text;
}

/** One line: `<key path>: found <value>; allowed: <what>`. */
export function formatProblem(problem: ConfigProblem): string {
  return `${problem.path}: found ${formatFound(problem.found)}; allowed: ${problem.allowed}`;
}

/**
 * The single message listing every problem, one per line, sorted by key path so that the output is
 * stable and related problems sit together.
 */
export function formatProblems(problems: readonly ConfigProblem[]): string {
  const lines = [...problems].sort((a, b) => a.path.localeCompare(b.path)).map((p) => `  ${formatProblem(p)}`);
  const noun = problems.length === 1 ? "problem" : "problems";
  return [`Stack configuration has ${problems.length} ${noun}:`, ...lines].join("\n");
}

/** Reads the value at `path` inside `root`, or `undefined` if any step is missing. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** Lists values the way a user types them: `"a", "b" or "c"`. */
export function listAllowed(values: readonly unknown[]): string {
  const rendered = values.map((v) => JSON.stringify(v));
  if (rendered.length <= 1) return rendered.join("");
  return `${rendered.slice(0, -1).join(", ")} or ${rendered[rendered.length - 1]}`;
}

/**
 * The `allowed` text zod reports for a built-in check that the schema did not word itself. Pass it as
 * the per-parse `error` map; a schema-level `error` message (already an `allowed` text) wins over it.
 */
export function allowedForIssue(issue: core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type": {
      // z.int() reports its type as "number"; its format says it wants a whole one.
      const format = (issue.inst as { _zod?: { def?: { format?: string } } } | undefined)?._zod?.def?.format;
      const expected = issue.expected === "number" && format?.includes("int") ? "int" : issue.expected;
      if (issue.input === undefined) return `a ${describeType(expected)} (required)`;
      return `a ${describeType(expected)}`;
    }
    case "invalid_value":
      return issue.values.length > 2 ? `one of ${listAllowed(issue.values)}` : listAllowed(issue.values);
    case "too_small":
      return issue.inclusive ? `at least ${issue.minimum}${unitOf(issue.origin)}` : `more than ${issue.minimum}${unitOf(issue.origin)}`;
    case "too_big":
      return issue.inclusive ? `at most ${issue.maximum}${unitOf(issue.origin)}` : `less than ${issue.maximum}${unitOf(issue.origin)}`;
    case "not_multiple_of":
      return `a multiple of ${issue.divisor}`;
    case "unrecognized_keys":
      return "no other keys";
    case "invalid_format":
      return `a valid ${issue.format}`;
    default:
      return "a valid value";
  }
}

function describeType(expected: string): string {
  const words: Record<string, string> = {
    int: "whole number",
    number: "number",
    string: "string",
    boolean: "boolean (true or false)",
    array: "list",
    object: "map of keys",
    record: "map of keys",
  };
  return words[expected] ?? expected;
}

function unitOf(origin: string): string {
  if (origin === "string") return " characters";
  if (origin === "array" || origin === "set") return " items";
  return "";
}

/** A zod issue as reported after parsing (path resolved, message set). */
export interface ParsedIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
  /** Nested issues (`invalid_key` of a record). */
  readonly issues?: readonly { readonly message: string }[];
}

/**
 * Turns zod's issues for one config key into problems. `root` is the raw value that was parsed, used to
 * report what was found; `keyPath` is the path of that value (e.g. `["connect"]`). Unknown keys become
 * one problem each, listing the keys that are known at that level.
 */
export function problemsFromIssues(
  issues: readonly ParsedIssue[],
  root: unknown,
  keyPath: readonly PropertyKey[],
  knownKeysAt: (path: readonly PropertyKey[]) => readonly string[] = () => [],
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys" && issue.keys) {
      const known = knownKeysAt(issue.path);
      for (const key of issue.keys) {
        const suggestion = closestMatch(key, known);
        const hint = suggestion ? `did you mean ${suggestion}? ` : "";
        problems.push({
          path: formatKeyPath([...keyPath, ...issue.path, key]),
          found: valueAt(root, [...issue.path, key]),
          allowed: known.length > 0 ? `no such key here; ${hint}known keys: ${known.join(", ")}` : "no such key here",
        });
      }
      continue;
    }
    if (issue.code === "invalid_key" && issue.issues?.[0]) {
      // A map key (e.g. a tag key) is wrong: the key itself is what was found.
      problems.push({ path: formatKeyPath([...keyPath, ...issue.path]), found: issue.path[issue.path.length - 1], allowed: issue.issues[0].message });
      continue;
    }
    problems.push({ path: formatKeyPath([...keyPath, ...issue.path]), found: valueAt(root, issue.path), allowed: issue.message });
  }
  return problems;
}
