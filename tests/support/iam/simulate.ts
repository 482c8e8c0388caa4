/**
 * IAM's evaluation logic, by @cloud-copilot/iam-simulate (identity, resource and service control
 * policies; Allow/Deny, NotAction/NotResource, wildcards, every condition operator; cross-account
 * rules and the KMS key-policy rule). AGPL-3.0: a devDependency used only by specs, never shipped
 * (tests/ is outside the published build).
 */
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { conditionKeyExists, wildcardRegExp } from "./reference";
import { statementsOf, type PolicyDocument } from "./policy-documents";

/** AWS's default SCP, attached to every root, OU and account until removed. */
export const FULL_AWS_ACCESS: PolicyDocument = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

export interface SimulatedRequest {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** Account that owns `resource`. */
  readonly resourceAccount: string;
  readonly context: Readonly<Record<string, string | string[]>>;
}

export interface SimulatedPolicies {
  readonly identity: readonly PolicyDocument[];
  readonly resource?: PolicyDocument;
  /** SCPs that apply to the principal's account (FullAWSAccess included when attached). */
  readonly scps: readonly PolicyDocument[];
}

export interface Decision {
  readonly result: "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";
  /** Sids of the SCP statements that denied the request. */
  readonly deniedBy: readonly string[];
}

/** IAM's decision on one request. Throws on a request or policy the simulator rejects as invalid. */
export async function decide(request: SimulatedRequest, policies: SimulatedPolicies): Promise<Decision> {
  const response = await simulate(request, policies);
  // The simulator drops context keys whose variable part holds a colon (kms:EncryptionContext:aws:s3:arn).
  // Each such key must exist in the reference; its conditions are then decided here (string and ARN
  // matching, nothing else) and the request evaluated again with them resolved.
  const ignored = response.resultType === "single" ? (response.result.ignoredContextKeys ?? []) : [];
  if (ignored.length) {
    for (const key of ignored) if (!(await conditionKeyExists(key))) throw new Error(`context key ${key} is in no service's reference`);
    const context = Object.fromEntries(Object.entries(request.context).filter(([k]) => !ignored.includes(k)));
    const resolved = (document: PolicyDocument) => resolveConditions(document, ignored, request.context);
    return decide({ ...request, context }, { ...policies, identity: policies.identity.map(resolved), ...(policies.resource ? { resource: resolved(policies.resource) } : {}) });
  }
  if (response.resultType === "error") throw new Error(`iam-simulate rejected ${request.action} on ${request.resource}: ${JSON.stringify(response.errors)}`);
  // A Resource with `*` (a List action's wildcard type, e.g. instance/<id>/queue/*) is answered per pattern.
  const analyses = response.resultType === "single" ? [response.result.analysis] : response.results.map((r) => r.analysis);
  const deniedBy = analyses.flatMap((a) => (a?.scpAnalysis?.ouAnalysis ?? []).flatMap((ou) => ou.denyStatements.map((s) => s.explain.identifier)));
  return { result: response.overallResult as Decision["result"], deniedBy };
}

function simulate(request: SimulatedRequest, policies: SimulatedPolicies) {
  return runSimulation(
    {
      request: { principal: request.principal, action: request.action, resource: { resource: request.resource, accountId: request.resourceAccount }, contextVariables: { ...request.context } },
      identityPolicies: policies.identity.map((policy, i) => ({ name: `identity-${i + 1}`, policy })),
      serviceControlPolicies: [{ orgIdentifier: "ou-dr", policies: policies.scps.map((policy, i) => ({ name: `scp-${i + 1}`, policy })) }],
      resourceControlPolicies: [],
      ...(policies.resource ? { resourcePolicy: policies.resource } : {}),
    },
    {},
  );
}

const RESOLVABLE: Readonly<Record<string, (value: string, pattern: string) => boolean>> = {
  StringEquals: (v, p) => v === p,
  StringLike: (v, p) => wildcardRegExp(p, false).test(v),
  ArnEquals: (v, p) => wildcardRegExp(p, false).test(v),
  ArnLike: (v, p) => wildcardRegExp(p, false).test(v),
};

/** `document` with its conditions on `keys` decided against `context`: met ones removed, statements with unmet ones dropped. */
function resolveConditions(document: PolicyDocument, keys: readonly string[], context: SimulatedRequest["context"]): PolicyDocument {
  const lower = new Set(keys.map((k) => k.toLowerCase()));
  const statements = statementsOf(document).flatMap((statement) => {
    const condition: Record<string, Record<string, unknown>> = {};
    for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
      const kept: Record<string, unknown> = {};
      for (const [key, expected] of Object.entries(block)) {
        if (!lower.has(key.toLowerCase())) {
          kept[key] = expected;
          continue;
        }
        const match = RESOLVABLE[operator];
        if (!match) throw new Error(`cannot decide ${operator} on ${key}`);
        const value = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
        const values = value === undefined ? [] : [value].flat();
        if (!values.some((v) => [expected].flat().some((p) => match(String(v), String(p))))) return [];
      }
      if (Object.keys(kept).length) condition[operator] = kept;
    }
    const { Condition: _dropped, ...rest } = statement;
    return [Object.keys(condition).length ? { ...rest, Condition: condition } : rest];
  });
  return { ...document, Statement: statements };
}
