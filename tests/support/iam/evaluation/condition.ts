/**
 * A statement's Condition block against the request context (IAM User Guide, "IAM JSON policy
 * elements: Condition", "Condition operators" and "Creating a condition with multiple keys or values"):
 * - operators, and keys under one operator, are ANDed; several policy values for one key are ORed, and
 *   a negated operator holds when the request value matches none of them;
 * - key names are case-insensitive;
 * - a key missing from the request makes an operator false and a negated operator true, except
 *   `...IfExists` (true when missing) and `Null` (`"true"`: the key is missing, `"false"`: present).
 * The set qualifiers `ForAnyValue:`/`ForAllValues:` (multivalued keys) and policy variables are not
 * used by the project's policies: they throw `UnsupportedPolicyError`.
 */
import { CONDITION_OPERATORS, isNumericOperator, type ConditionOperator } from "./condition-operators";
import { UnsupportedPolicyError } from "./unsupported-policy-error";

/** The request context: condition key -> its single value. */
export type RequestContext = Readonly<Record<string, string | number | boolean>>;

/** A Condition block: operator -> condition key -> policy value or values. */
export type ConditionBlock = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

const IF_EXISTS = "IfExists";

/** The request's value of `key` (names compare case-insensitively), as a string; undefined when absent. */
export function contextValue(context: RequestContext, key: string): string | undefined {
  const lower = key.toLowerCase();
  const found = Object.keys(context).find((k) => k.toLowerCase() === lower);
  return found === undefined ? undefined : String(context[found]);
}

function policyValues(operator: string, key: string, raw: unknown): string[] {
  const values = Array.isArray(raw) ? raw : [raw];
  return values.map((value) => {
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") throw new Error(`condition ${operator} on ${key}: ${JSON.stringify(value)} is no string, number or boolean`);
    const text = String(value);
    if (text.includes("${")) throw new UnsupportedPolicyError(`condition ${operator} on ${key}: policy variable in ${JSON.stringify(text)}`);
    if (isNumericOperator(operator) && (text.trim() === "" || Number.isNaN(Number(text)))) throw new Error(`condition ${operator} on ${key}: ${JSON.stringify(text)} is no number`);
    return text;
  });
}

type Operator = { readonly kind: "null" } | { readonly kind: "compare"; readonly definition: ConditionOperator; readonly ifExists: boolean };

/** The operator a name stands for; throws for one this evaluator does not implement. */
function parseOperator(operator: string): Operator {
  if (operator.includes(":")) throw new UnsupportedPolicyError(`condition operator ${operator}: the set qualifiers ForAnyValue/ForAllValues are not supported`);
  if (operator === "Null") return { kind: "null" };
  const ifExists = operator.endsWith(IF_EXISTS);
  const definition = CONDITION_OPERATORS[ifExists ? operator.slice(0, -IF_EXISTS.length) : operator];
  if (!definition) throw new UnsupportedPolicyError(`condition operator ${operator} is not supported (supported: ${Object.keys(CONDITION_OPERATORS).join(", ")}, each with IfExists, and Null)`);
  return { kind: "compare", definition, ifExists };
}

/** The one value of a Null condition: true when it asks for the key to be missing. */
function nullExpected(key: string, raw: unknown): boolean {
  const values = policyValues("Null", key, raw).map((v) => v.toLowerCase());
  if (values.length !== 1 || (values[0] !== "true" && values[0] !== "false")) throw new Error(`condition Null on ${key}: "true" or "false" is allowed, not ${JSON.stringify(raw)}`);
  return values[0] === "true";
}

/** Whether one condition (operator, key, policy values) holds for the request context. */
export function conditionHolds(operator: string, key: string, raw: unknown, context: RequestContext): boolean {
  const parsed = parseOperator(operator);
  const value = contextValue(context, key);
  if (parsed.kind === "null") return nullExpected(key, raw) === (value === undefined);
  const values = policyValues(operator, key, raw);
  if (value === undefined) return parsed.ifExists || parsed.definition.negated;
  const matched = values.some((policyValue) => parsed.definition.matches(value, policyValue));
  return parsed.definition.negated ? !matched : matched;
}

/**
 * Throws for anything in `block` this evaluator cannot decide, whether or not a request reaches it,
 * so that an unsupported condition never goes unnoticed behind an earlier false one.
 */
export function checkConditionBlock(block: ConditionBlock | undefined): void {
  for (const [operator, keys] of Object.entries(block ?? {})) {
    const parsed = parseOperator(operator);
    for (const [key, raw] of Object.entries(keys)) {
      if (parsed.kind === "null") nullExpected(key, raw);
      else policyValues(operator, key, raw);
    }
  }
}

/** Whether every condition of a Condition block holds (no block: true). Checks the whole block first. */
export function conditionBlockHolds(block: ConditionBlock | undefined, context: RequestContext): boolean {
  checkConditionBlock(block);
  return Object.entries(block ?? {}).every(([operator, keys]) => Object.entries(keys).every(([key, raw]) => conditionHolds(operator, key, raw, context)));
}
