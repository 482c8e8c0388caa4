/**
 * How a resource policy statement's Principal names the principal making a request (IAM User Guide,
 * "AWS JSON policy elements: Principal"):
 * - `"*"` or `{"AWS": "*"}`, or the principal's own ARN: the statement is about this principal;
 * - its account, as `arn:<partition>:iam::<id>:root` or the bare ID: the statement "delegates
 *   authority to the account", whose identities then need IAM policies of their own;
 * - `{"Service": ...}`: an AWS service principal, never an IAM role or user.
 * Principals are IAM roles, IAM users or an account's root user, by ARN. Federated and canonical-user
 * principals and role-session ARNs are not used by the project's policies: they throw.
 */
import { arnParts } from "./arn-match";
import { UnsupportedPolicyError } from "./unsupported-policy-error";

/** `principal`: named or `*`; `account`: its account (delegation); `none`: the statement is about others. */
export type PrincipalMatch = "principal" | "account" | "none";

const IAM_PRINCIPAL = /^arn:[a-z-]+:iam::(\d{12}):(root|role\/.+|user\/.+)$/;

/** The account of an IAM principal ARN; throws for anything else. */
export function principalAccount(principal: string): string {
  const match = IAM_PRINCIPAL.exec(principal);
  if (!match) throw new UnsupportedPolicyError(`principal ${principal}: an IAM role, user or root ARN is expected`);
  return match[1];
}

/** Whether `principal` is an account's root user. */
export function isRootUser(principal: string): boolean {
  return IAM_PRINCIPAL.exec(principal)?.[2] === "root";
}

function namesAccount(value: string, account: string): boolean {
  return value === account || (arnParts(value)?.[2] === "iam" && value.endsWith(`::${account}:root`));
}

/** Throws for a Principal element that is malformed or names a principal type this evaluator does not implement. */
export function checkPrincipal(element: unknown): void {
  if (element === "*") return;
  if (!element || typeof element !== "object" || Array.isArray(element)) throw new Error(`Principal ${JSON.stringify(element)}: "*" or an object of principal types is allowed`);
  for (const type of Object.keys(element)) if (type !== "AWS" && type !== "Service") throw new UnsupportedPolicyError(`Principal type ${type} is not supported (AWS, Service)`);
}

/** How `element` (a statement's Principal) names `principal`. */
export function principalMatch(element: unknown, principal: string): PrincipalMatch {
  checkPrincipal(element);
  if (element === "*") return "principal";
  const account = principalAccount(principal);
  let found: PrincipalMatch = "none";
  for (const [type, raw] of Object.entries(element as Record<string, unknown>)) {
    if (type === "Service") continue; // a service principal is never the IAM principal asking
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      // The account's ARN names the account, not only its root user.
      if (namesAccount(String(value), account)) found = "account";
      else if (value === "*" || value === principal) return "principal";
    }
  }
  return found;
}
