/**
 * Whether one policy statement applies to a request (IAM User Guide, "IAM JSON policy elements":
 * Action and NotAction, Resource and NotResource, Principal, Condition): the action matches (names
 * compare case-insensitively, with `*` and `?`), the resource matches (ARN part by part, case-sensitive;
 * `*` is every resource), a resource policy's Principal names the requester or its account, and every
 * condition holds. Each document is checked whole before use, so an element this evaluator does not
 * implement throws even in a statement the request never reaches.
 */
import { listOf, statementsOf, type PolicyDocument, type PolicyStatement } from "../policy-documents";
import { arnMatches, arnParts } from "./arn-match";
import { checkConditionBlock, conditionBlockHolds } from "./condition";
import { checkPrincipal, principalMatch, type PrincipalMatch } from "./principal";
import type { EvaluationRequest } from "./request";
import { UnsupportedPolicyError } from "./unsupported-policy-error";
import { wildcardMatches } from "./wildcard";

/** Where a policy sits in the evaluation: on the principal, on the resource, or on the principal's account (SCP). */
export type PolicyType = "identity" | "resource" | "scp";

/** A statement that applies to the request. */
export interface ApplicableStatement {
  readonly effect: "Allow" | "Deny";
  readonly sid: string | undefined;
  /** How a resource policy's Principal names the requester; `principal` for identity policies and SCPs. */
  readonly principal: Exclude<PrincipalMatch, "none">;
}

const checked = new WeakMap<PolicyDocument, PolicyType>();

/** `statement <Sid>`, or its 1-based position when it has no Sid. */
const label = (statement: PolicyStatement, index: number) => `statement ${statement.Sid ?? index + 1}`;

function fail(statement: PolicyStatement, index: number, problem: string): never {
  throw new Error(`${label(statement, index)}: ${problem}`);
}

function checkResourcePattern(pattern: string, statement: PolicyStatement, index: number): void {
  if (pattern.includes("${")) throw new UnsupportedPolicyError(`${label(statement, index)}: policy variable in Resource ${pattern}`);
  if (pattern !== "*" && !arnParts(pattern)) fail(statement, index, `Resource ${pattern} is neither "*" nor an ARN`);
}

/** Throws for a statement AWS would reject or this evaluator does not implement. */
function checkStatement(statement: PolicyStatement, index: number, type: PolicyType): void {
  if (statement.Effect !== "Allow" && statement.Effect !== "Deny") fail(statement, index, `Effect ${JSON.stringify(statement.Effect)}; Allow or Deny is allowed`);
  if ((statement.Action === undefined) === (statement.NotAction === undefined)) fail(statement, index, "exactly one of Action and NotAction is required");
  if ((statement.Resource === undefined) === (statement.NotResource === undefined)) fail(statement, index, "exactly one of Resource and NotResource is required");
  if (statement.NotPrincipal !== undefined) throw new UnsupportedPolicyError(`${label(statement, index)}: NotPrincipal is not supported`);
  if (type === "resource" && statement.Principal === undefined) fail(statement, index, "a resource policy statement needs a Principal");
  if (type !== "resource" && statement.Principal !== undefined) fail(statement, index, `an ${type === "scp" ? "SCP" : "identity policy"} takes no Principal`);
  if (statement.Principal !== undefined) checkPrincipal(statement.Principal);
  for (const pattern of [...listOf(statement.Resource), ...listOf(statement.NotResource)]) checkResourcePattern(pattern, statement, index);
  checkConditionBlock(statement.Condition);
}

function checkDocument(document: PolicyDocument, type: PolicyType): void {
  if (checked.get(document) === type) return;
  statementsOf(document).forEach((statement, index) => checkStatement(statement, index, type));
  checked.set(document, type);
}

function actionMatches(statement: PolicyStatement, action: string): boolean {
  const named = (patterns: readonly string[]) => patterns.some((pattern) => wildcardMatches(pattern, action, true));
  return statement.Action !== undefined ? named(listOf(statement.Action)) : !named(listOf(statement.NotAction));
}

function resourceMatches(statement: PolicyStatement, resource: string): boolean {
  const named = (patterns: readonly string[]) => patterns.some((pattern) => pattern === "*" || arnMatches(pattern, resource));
  return statement.Resource !== undefined ? named(listOf(statement.Resource)) : !named(listOf(statement.NotResource));
}

/** The statements of `document` (a policy of `type`) that apply to `request`. */
export function applicableStatements(document: PolicyDocument, type: PolicyType, request: EvaluationRequest): ApplicableStatement[] {
  checkDocument(document, type);
  const applicable: ApplicableStatement[] = [];
  for (const statement of statementsOf(document)) {
    if (!actionMatches(statement, request.action) || !resourceMatches(statement, request.resource)) continue;
    const principal = type === "resource" ? principalMatch(statement.Principal, request.principal) : "principal";
    if (principal === "none" || !conditionBlockHolds(statement.Condition, request.context)) continue;
    applicable.push({ effect: statement.Effect as ApplicableStatement["effect"], sid: statement.Sid, principal });
  }
  return applicable;
}
