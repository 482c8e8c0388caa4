/**
 * Thrown for a policy element this evaluator does not implement (a condition operator, a set
 * qualifier, a principal type, NotPrincipal, a policy variable). A policy that starts using one fails
 * the specs loudly instead of being decided without it.
 */
export class UnsupportedPolicyError extends Error {
  constructor(message: string) {
    super(`IAM evaluation: ${message}`);
    this.name = "UnsupportedPolicyError";
  }
}
