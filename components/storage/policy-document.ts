/** The subset of the IAM policy grammar the storage components write: identity, bucket and key policies. */

/** A principal as IAM writes it: everyone, AWS principals by ARN, or a service. */
export type PolicyPrincipal = "*" | { readonly AWS: string | readonly string[] } | { readonly Service: string | readonly string[] };

/** `Condition` block: operator -> condition key -> value(s). */
export type PolicyCondition = Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;

export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: PolicyPrincipal;
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: PolicyCondition;
}

export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly PolicyStatement[];
}

/** Wraps statements in a document with the current policy language version. */
export function policyDocument(statements: readonly PolicyStatement[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}
