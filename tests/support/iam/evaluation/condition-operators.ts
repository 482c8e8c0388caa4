/**
 * The condition operators this evaluator implements, from IAM User Guide, "IAM JSON policy elements:
 * Condition operators": the String, Numeric, Boolean and ARN families with their negated forms. Each
 * compares one request value with one policy value; `condition.ts` applies them to lists of values,
 * missing keys, `...IfExists` and `Null`. Date, IP address and Binary operators are not used by the
 * project's policies and are absent, so naming one fails (`UnsupportedPolicyError`).
 */
import { arnMatches } from "./arn-match";
import { wildcardMatches } from "./wildcard";

/** One operator: how a request value matches a policy value, and whether the operator negates it. */
export interface ConditionOperator {
  readonly matches: (requestValue: string, policyValue: string) => boolean;
  /** A negated operator (`StringNotEquals`, ...) holds when the value matches none of the policy's values. */
  readonly negated: boolean;
}

const equal = (a: string, b: string) => a === b;
const equalIgnoringCase = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const like = (value: string, pattern: string) => wildcardMatches(pattern, value);
const arnLike = (value: string, pattern: string) => arnMatches(pattern, value);

/** A numeric comparison; a request value that is no number matches nothing. */
function numeric(compare: (value: number, bound: number) => boolean): ConditionOperator["matches"] {
  return (value, bound) => {
    const number = Number(value);
    return value.trim() !== "" && !Number.isNaN(number) && compare(number, Number(bound));
  };
}

const positive = (matches: ConditionOperator["matches"]): ConditionOperator => ({ matches, negated: false });
const negated = (matches: ConditionOperator["matches"]): ConditionOperator => ({ matches, negated: true });

/** Operators by name (exact spelling); `...IfExists` forms and `Null` are handled in `condition.ts`. */
export const CONDITION_OPERATORS: Readonly<Record<string, ConditionOperator>> = {
  StringEquals: positive(equal),
  StringNotEquals: negated(equal),
  StringEqualsIgnoreCase: positive(equalIgnoringCase),
  StringNotEqualsIgnoreCase: negated(equalIgnoringCase),
  StringLike: positive(like),
  StringNotLike: negated(like),
  NumericEquals: positive(numeric((v, b) => v === b)),
  NumericNotEquals: negated(numeric((v, b) => v === b)),
  NumericLessThan: positive(numeric((v, b) => v < b)),
  NumericLessThanEquals: positive(numeric((v, b) => v <= b)),
  NumericGreaterThan: positive(numeric((v, b) => v > b)),
  NumericGreaterThanEquals: positive(numeric((v, b) => v >= b)),
  // "true"/"false", written as a string or a JSON boolean.
  Bool: positive(equalIgnoringCase),
  // ArnEquals and ArnLike "behave identically", as do their negations.
  ArnEquals: positive(arnLike),
  ArnLike: positive(arnLike),
  ArnNotEquals: negated(arnLike),
  ArnNotLike: negated(arnLike),
};

/** True for the Numeric family, whose policy values must be numbers. */
export function isNumericOperator(name: string): boolean {
  return name.startsWith("Numeric");
}
