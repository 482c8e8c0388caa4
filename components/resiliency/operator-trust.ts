/**
 * Who may assume the failover operator role. Operators with IAM users sign in with MFA and the trust
 * policy checks `aws:MultiFactorAuthPresent`; operators who arrive through IAM Identity Center or a
 * SAML identity provider carry no MFA condition keys (their identity provider enforces MFA), so the
 * trust names the role they arrive in instead, by `aws:PrincipalArn`.
 */

/** The federated roles operators arrive in, as the stack configuration names them. */
export interface FederatedOperators {
  /** IAM Identity Center permission sets assigned to operators in the workload account. */
  readonly permissionSetNames?: readonly string[];
  /** Roles (names, with their path if any) that a SAML identity provider federates operators into. */
  readonly samlRoleNames?: readonly string[];
}

/**
 * `aws:PrincipalArn` patterns (ArnLike) of the roles `operators` arrive in, in `accountId`.
 *
 * IAM Identity Center creates one role per permission set and account, named
 * `AWSReservedSSO_<permission set>_<unique suffix>` under the path `aws-reserved/sso.amazonaws.com/`,
 * followed by the Identity Center Region except in us-east-1; the suffix changes when the assignment
 * is recreated. The patterns therefore match both paths and any suffix ("Referencing permission sets
 * in resource policies", IAM Identity Center User Guide). Only Identity Center can create roles under
 * `aws-reserved/`.
 */
export function federatedOperatorRolePatterns(accountId: string, operators: FederatedOperators): string[] {
  const role = (rest: string) => `arn:aws:iam::${accountId}:role/${rest}`;
  return [
    ...(operators.permissionSetNames ?? []).flatMap((name) => [
      role(`aws-reserved/sso.amazonaws.com/AWSReservedSSO_${name}_*`),
      role(`aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_${name}_*`),
    ]),
    ...(operators.samlRoleNames ?? []).map((name) => role(name)),
  ];
}
