/**
 * Checks one policy document against the Service Authorization Reference: every action exists, every
 * Resource names a resource type the action takes (an action that takes only `*` gets `*`, and an
 * identity policy's Allow gives an action that takes resource types their ARNs, not `*`), every
 * condition key exists, and each statement has the elements its kind of policy requires.
 */
import { listOf, statementsOf, type PolicyDocument, type PolicyKind, type PolicyStatement } from "./policy-documents";
import { actionsMatching, conditionKeyExists, resourceTypesNamed, type ReferenceAction } from "./reference";

/** One problem, in words that name the statement, the element and what the reference says. */
export interface PolicyFinding {
  readonly statement: string;
  readonly problem: string;
}

/** What a check looked at, for the report. */
export interface PolicyTally {
  statements: number;
  actions: number;
  arns: number;
  conditionKeys: number;
}

export function emptyTally(): PolicyTally {
  return { statements: 0, actions: 0, arns: 0, conditionKeys: 0 };
}

const GLOBAL_KEY = /^aws:/i;

/** Findings of one document of kind `kind`; adds what it looked at to `tally`. */
export async function checkPolicy(document: PolicyDocument, kind: PolicyKind, tally: PolicyTally = emptyTally()): Promise<PolicyFinding[]> {
  const findings: PolicyFinding[] = [];
  const statements = statementsOf(document);
  if (document.Version !== "2012-10-17") findings.push({ statement: "(document)", problem: `Version is ${JSON.stringify(document.Version)}; "2012-10-17" is required for policy variables and current evaluation` });
  for (const [index, statement] of statements.entries()) {
    tally.statements += 1;
    const where = statement.Sid ? `Sid ${statement.Sid}` : `statement ${index + 1}`;
    const add = (problem: string) => findings.push({ statement: where, problem });
    checkShape(statement, kind, add);
    const patterns = [...listOf(statement.Action), ...listOf(statement.NotAction)];
    const matched: ReferenceAction[] = [];
    let everyAction = false;
    for (const pattern of patterns) {
      tally.actions += 1;
      const actions = await actionsMatching(pattern);
      if (actions === undefined) everyAction = true;
      else if (actions.length === 0) add(`action ${pattern} names no action of the reference`);
      else matched.push(...actions);
    }
    const exact = statement.Action !== undefined && listOf(statement.Action).every((p) => !/[*?]/.test(p));
    for (const resource of [...listOf(statement.Resource), ...listOf(statement.NotResource)]) {
      if (resource !== "*") tally.arns += 1;
      checkResource(resource, { statement, kind, matched, exact, everyAction }, add);
    }
    for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
      for (const key of Object.keys(block ?? {})) {
        tally.conditionKeys += 1;
        if (!(await conditionKeyExists(key))) add(`condition key ${key} (${operator}) is neither a global key nor a key of its service`);
        else if (!GLOBAL_KEY.test(key) && !everyAction && statement.Action !== undefined) {
          const service = key.split(":")[0].toLowerCase();
          if (!matched.some((a) => a.name.split(":")[0].toLowerCase() === service)) add(`condition key ${key} belongs to ${service}, but the statement grants no ${service} action`);
        }
      }
    }
  }
  return findings;
}

function checkShape(statement: PolicyStatement, kind: PolicyKind, add: (problem: string) => void): void {
  if (statement.Effect !== "Allow" && statement.Effect !== "Deny") add(`Effect is ${JSON.stringify(statement.Effect)}; Allow or Deny`);
  if ((statement.Action === undefined) === (statement.NotAction === undefined)) add("needs exactly one of Action and NotAction");
  const hasResource = statement.Resource !== undefined || statement.NotResource !== undefined;
  const hasPrincipal = statement.Principal !== undefined || statement.NotPrincipal !== undefined;
  if (kind === "trust") {
    if (hasResource) add("a trust policy names no Resource (the role is the resource)");
    if (!hasPrincipal) add("a trust policy statement needs a Principal");
  } else {
    if (statement.Resource !== undefined && statement.NotResource !== undefined) add("has both Resource and NotResource");
    if (!hasResource) add("has no Resource: AWS rejects the document (MalformedPolicyDocument)");
    if (kind === "resource" && !hasPrincipal) add("a resource policy statement needs a Principal");
    if ((kind === "identity" || kind === "scp") && hasPrincipal) add(`an ${kind} policy takes no Principal`);
  }
}

interface ResourceContext {
  readonly statement: PolicyStatement;
  readonly kind: PolicyKind;
  readonly matched: readonly ReferenceAction[];
  /** Every Action entry is one exact action (no wildcard, no NotAction). */
  readonly exact: boolean;
  readonly everyAction: boolean;
}

function checkResource(resource: string, c: ResourceContext, add: (problem: string) => void): void {
  if (c.everyAction) return;
  if (resource === "*") {
    // In a key policy `*` is the key itself; an SCP or a Deny restricts, never grants.
    if (c.kind !== "identity" || c.statement.Effect !== "Allow" || c.statement.Action === undefined) return;
    for (const action of c.matched) {
      const required = action.resourceTypes.filter((t) => t.required).map((t) => t.key);
      if (required.length) add(`${action.name} on "*": the action takes ${required.join(", ")}; least privilege names their ARNs`);
    }
    return;
  }
  if (c.exact) {
    for (const action of c.matched) {
      if (action.wildcardOnly) add(`${action.name} takes only "*" (no resource type), not ${resource}`);
      else if (resourceTypesNamed(action, resource).length === 0) add(`${resource} is no resource type ${action.name} takes (${action.resourceTypes.map((t) => `${t.key}: ${t.arn}`).join("; ")})`);
    }
  } else if (!c.matched.some((action) => resourceTypesNamed(action, resource).length > 0)) {
    add(`${resource} is no resource type any of ${[...listOf(c.statement.Action), ...listOf(c.statement.NotAction)].join(", ")} takes`);
  }
}
