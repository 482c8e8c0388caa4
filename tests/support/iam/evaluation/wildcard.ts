/**
 * IAM's wildcard match (IAM User Guide, "IAM JSON policy elements: Action" and "Resource"): `*`
 * matches any run of characters, none included, `?` exactly one; every other character is literal.
 */

const compiled = new Map<string, RegExp>();

/** `pattern` as an anchored RegExp; `ignoreCase` for action names and the `...IgnoreCase` operators. */
export function wildcardRegExp(pattern: string, ignoreCase: boolean): RegExp {
  const key = `${ignoreCase ? "i" : "s"}${pattern}`;
  let regExp = compiled.get(key);
  if (!regExp) {
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    regExp = new RegExp(`^${source}$`, ignoreCase ? "is" : "s");
    compiled.set(key, regExp);
  }
  return regExp;
}

/** Whether `value` matches the wildcard `pattern`. */
export function wildcardMatches(pattern: string, value: string, ignoreCase = false): boolean {
  return wildcardRegExp(pattern, ignoreCase).test(value);
}
