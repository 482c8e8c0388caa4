/**
 * The IAM policy language subset that service control policies use, and how AWS measures a document.
 */

/** AWS Organizations' hard limit on one SCP document, in characters. */
export const SCP_MAX_CHARACTERS = 5120;

/** AWS Organizations' hard limit on SCPs attached directly to one root, OU or account. */
export const SCP_MAX_DIRECT_ATTACHMENTS = 5;

/** Condition operators as IAM spells them (`StringNotEquals`, `ArnNotLike`, ...) -> key -> values. */
export type ConditionBlock = Record<string, Record<string, string | number | readonly (string | number)[]>>;

/** One SCP statement. SCPs here only deny, so `Effect` is always `Deny`. */
export interface ScpStatement {
  readonly Sid: string;
  readonly Effect: "Deny";
  readonly Action?: readonly string[];
  readonly NotAction?: readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: ConditionBlock;
}

/** A complete SCP document as submitted to `CreatePolicy`. */
export interface ScpDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly ScpStatement[];
}

/**
 * The document text to submit. AWS counts every character, whitespace included, so the text is
 * minified: what is measured is exactly what is sent.
 */
export function minify(document: ScpDocument): string {
  return JSON.stringify(document);
}

/** Size in characters as AWS counts it for the minified document. */
export function documentSize(document: ScpDocument): number {
  return minify(document).length;
}

/** Wraps statements into a document. */
export function documentOf(statements: readonly ScpStatement[]): ScpDocument {
  return { Version: "2012-10-17", Statement: statements };
}
