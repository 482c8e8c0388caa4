/**
 * A small evaluator of SCP Deny statements, faithful to IAM's matching rules for the elements the
 * guardrails use, so tests can ask "is this request denied?" instead of string-matching JSON.
 */
import type { ScpDocument, ScpStatement } from "./policy-document";

/** One API request as IAM sees it. */
export interface RequestContext {
  /** `service:Action`, e.g. `s3:ReplicateObject`. */
  readonly action: string;
  /** Resource ARN. @default "*" (matches only `Resource: "*"` statements) */
  readonly resource?: string;
  /** Condition keys present in the request (`aws:RequestedRegion`, `aws:PrincipalArn`, ...). */
  readonly context: Readonly<Record<string, string | number>>;
}

/** IAM wildcard match: `*` any run, `?` one character. */
export function wildcardMatch(pattern: string, value: string, caseInsensitive = false): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${source}$`, caseInsensitive ? "is" : "s").test(value);
}

function lookup(context: RequestContext["context"], key: string): string | number | undefined {
  // Condition key names are case-insensitive in IAM.
  const found = Object.keys(context).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? undefined : context[found];
}

type Operator = (value: string | number, expected: readonly (string | number)[]) => boolean;

const POSITIVE: Record<string, Operator> = {
  StringEquals: (v, e) => e.some((x) => String(x) === String(v)),
  StringLike: (v, e) => e.some((x) => wildcardMatch(String(x), String(v))),
  ArnLike: (v, e) => e.some((x) => wildcardMatch(String(x), String(v))),
  ArnEquals: (v, e) => e.some((x) => wildcardMatch(String(x), String(v))),
  NumericLessThan: (v, e) => e.some((x) => Number(v) < Number(x)),
  NumericGreaterThanEquals: (v, e) => e.some((x) => Number(v) >= Number(x)),
};
const NEGATED: Record<string, string> = {
  StringNotEquals: "StringEquals",
  StringNotLike: "StringLike",
  ArnNotLike: "ArnLike",
  ArnNotEquals: "ArnEquals",
};

function conditionHolds(statement: ScpStatement, context: RequestContext["context"]): boolean {
  for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
    for (const [key, raw] of Object.entries(keys)) {
      const expected = Array.isArray(raw) ? raw : [raw as string | number];
      const value = lookup(context, key);
      const negatedOf = NEGATED[operator];
      if (negatedOf) {
        // A negated operator is true when the key is absent (IAM's documented behaviour).
        if (value !== undefined && POSITIVE[negatedOf](value, expected)) return false;
      } else {
        const op = POSITIVE[operator];
        if (!op) throw new Error(`evaluate-deny: unsupported condition operator '${operator}'`);
        if (value === undefined || !op(value, expected)) return false;
      }
    }
  }
  return true;
}

function actionMatches(statement: ScpStatement, action: string): boolean {
  if (statement.Action) return statement.Action.some((p) => wildcardMatch(p, action, true));
  if (statement.NotAction) return !statement.NotAction.some((p) => wildcardMatch(p, action, true));
  return false;
}

function resourceMatches(statement: ScpStatement, resource: string): boolean {
  const patterns = typeof statement.Resource === "string" ? [statement.Resource] : statement.Resource;
  return patterns.some((p) => wildcardMatch(p, resource));
}

/** Sids of every statement in `documents` that denies the request (empty: not denied by these SCPs). */
export function denyingStatements(documents: readonly ScpDocument[], request: RequestContext): string[] {
  const resource = request.resource ?? "*";
  return documents
    .flatMap((d) => d.Statement)
    .filter((s) => s.Effect === "Deny" && actionMatches(s, request.action) && resourceMatches(s, resource) && conditionHolds(s, request.context))
    .map((s) => s.Sid);
}
