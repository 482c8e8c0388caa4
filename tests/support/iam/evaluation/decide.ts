/**
 * IAM's decision on one request, by AWS's documented policy evaluation logic (IAM User Guide, "Policy
 * evaluation logic": "Determining whether a request is allowed or denied within an account" and
 * "Cross-account policy evaluation logic"):
 * 1. An applicable Deny in any policy (SCP, identity or resource policy) denies explicitly.
 * 2. SCPs: every level from the root through each OU to the account must have an applicable Allow
 *    (Organizations User Guide, "SCP evaluation"); AWS attaches FullAWSAccess to each (aws-defaults.ts).
 * 3. Within one account, an Allow in the identity policies, or in the resource policy for the principal
 *    itself, allows; a resource policy Allow for the principal's account only delegates to its IAM
 *    policies. A KMS key is the exception: its key policy must allow, for the principal itself or for
 *    the account, which enables IAM policies (KMS Developer Guide, "Key policies in AWS KMS").
 * 4. Across accounts, the identity policies and the resource policy (for the principal or its account)
 *    must both allow.
 * A resource policy Deny for the principal's account applies to the principal like one naming it
 * (IAM User Guide, "NotPrincipal": denying an account denies "all entities in that account").
 * The account's root user needs no identity policy ("all requests are implicitly denied with the
 * exception of the AWS account root user"); SCPs and key policies still apply to it. Permissions
 * boundaries, session policies and resource control policies are not modelled: the project has none.
 */
import type { PolicyDocument } from "../policy-documents";
import { arnParts } from "./arn-match";
import { isRootUser, principalAccount } from "./principal";
import type { EvaluationRequest } from "./request";
import { applicableStatements, type ApplicableStatement, type PolicyType } from "./statement";

/** The policies that bear on a request. */
export interface ApplicablePolicies {
  /** The principal's identity policies (inline and managed). */
  readonly identity: readonly PolicyDocument[];
  /** The resource's policy (bucket, key, topic, ... policy). Required for a KMS key. */
  readonly resource?: PolicyDocument;
  /** The SCPs attached at each level from the root to the principal's account; empty outside an organization. */
  readonly scps: readonly (readonly PolicyDocument[])[];
}

/** A Deny statement that applied. */
export interface DenyingStatement {
  readonly policy: PolicyType;
  readonly sid: string | undefined;
}

export interface Decision {
  readonly result: "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";
  /** The Deny statements that applied (empty unless explicitly denied). */
  readonly deniedBy: readonly DenyingStatement[];
  /** Why, in words, for failure messages. */
  readonly reason: string;
}

const isKmsKey = (resource: string) => arnParts(resource)?.[2] === "kms";
const allows = (statements: readonly ApplicableStatement[]) => statements.some((s) => s.effect === "Allow");
const allowed = (reason: string): Decision => ({ result: "Allowed", deniedBy: [], reason });
const implicit = (reason: string): Decision => ({ result: "ImplicitlyDenied", deniedBy: [], reason });

/** IAM's decision on `request` under `policies`. Throws for a policy element it does not implement. */
export function decide(request: EvaluationRequest, policies: ApplicablePolicies): Decision {
  const kms = isKmsKey(request.resource);
  if (kms && !policies.resource) throw new Error(`${request.action} on ${request.resource}: every KMS key has a key policy; pass it (KMS's default key policy for a key created without one)`);
  const applicable = (documents: readonly PolicyDocument[], type: PolicyType) => documents.flatMap((document) => applicableStatements(document, type, request));
  const scpLevels = policies.scps.map((level) => applicable(level, "scp"));
  const identity = applicable(policies.identity, "identity");
  const resource = applicable(policies.resource ? [policies.resource] : [], "resource");

  const denies = (policy: PolicyType, statements: readonly ApplicableStatement[]) => statements.filter((s) => s.effect === "Deny").map((s): DenyingStatement => ({ policy, sid: s.sid }));
  const deniedBy = [...denies("scp", scpLevels.flat()), ...denies("identity", identity), ...denies("resource", resource)];
  if (deniedBy.length) return { result: "ExplicitlyDenied", deniedBy, reason: `denied by ${deniedBy.map((d) => `${d.policy} ${d.sid ?? "(no Sid)"}`).join(", ")}` };

  const level = scpLevels.findIndex((statements) => !allows(statements));
  if (level >= 0) return implicit(`no SCP at level ${level + 1} of ${scpLevels.length} allows it`);

  const identityAllows = isRootUser(request.principal) || allows(identity);
  const resourceAllows = (principal: ApplicableStatement["principal"]) => resource.some((s) => s.effect === "Allow" && s.principal === principal);
  const forPrincipal = resourceAllows("principal");
  const forAccount = resourceAllows("account");
  if (principalAccount(request.principal) !== request.resourceAccount) {
    if (!identityAllows) return implicit("cross-account: no identity policy allows it");
    return forPrincipal || forAccount ? allowed("cross-account: identity and resource policies allow it") : implicit("cross-account: the resource policy does not allow it");
  }
  if (kms) {
    if (forPrincipal) return allowed("the key policy allows the principal");
    if (!forAccount) return implicit("the key policy allows neither the principal nor its account (IAM policies are not enabled)");
    return identityAllows ? allowed("the key policy enables IAM policies, and one allows it") : implicit("the key policy enables IAM policies, but none allows it");
  }
  if (identityAllows) return allowed("an identity policy allows it");
  return forPrincipal ? allowed("the resource policy allows the principal") : implicit("no identity policy allows it, nor the resource policy for the principal");
}
