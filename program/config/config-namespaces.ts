import { CONFIG_NAMESPACE, type ConfigProblem } from "./config-problem";
import { closestMatch } from "./did-you-mean";
import { TOP_LEVEL_SCHEMAS } from "./schema";

/**
 * Config namespaces other than the project's that a stack file may legitimately use: the engine's own
 * (`pulumi:tags`, `pulumi:disable-default-providers`) and those of the provider packages the program
 * loads (`aws:` for @pulumi/aws, `awsx:` for @pulumi/awsx). Any other namespace is read by nothing, so a
 * value there is a mistake, most often a misspelt project name.
 */
export const PROVIDER_CONFIG_NAMESPACES: readonly string[] = ["aws", "awsx", "pulumi"];

/** Splits `namespace:key` at the first colon; a key without one has an empty namespace. */
export function splitConfigKey(fullKey: string): { namespace: string; key: string } {
  const colon = fullKey.indexOf(":");
  return colon < 0 ? { namespace: "", key: fullKey } : { namespace: fullKey.slice(0, colon), key: fullKey.slice(colon + 1) };
}

/**
 * The suggestion for a key in an unknown namespace: the closest namespace, and, when that is the
 * project's, the closest project key (`conect-dr:rtoSecs` -> `connect-dr:rtoSeconds`).
 */
export function suggestConfigKey(fullKey: string): string | undefined {
  const { namespace, key } = splitConfigKey(fullKey);
  const target = closestMatch(namespace, [CONFIG_NAMESPACE, ...PROVIDER_CONFIG_NAMESPACES]);
  if (target === undefined) return undefined;
  if (target !== CONFIG_NAMESPACE) return `${target}:${key}`;
  const known = Object.keys(TOP_LEVEL_SCHEMAS);
  return `${target}:${known.includes(key) ? key : (closestMatch(key, known) ?? key)}`;
}

/**
 * One problem per key whose namespace is neither the project's nor a provider's, with the value found
 * (decoded by `decode`) and a did-you-mean when a namespace is close. Pure.
 */
export function unknownNamespaceProblems(all: Readonly<Record<string, string>>, decode: (key: string, text: string) => unknown): ConfigProblem[] {
  const allowedNamespaces = `a key in the namespace ${CONFIG_NAMESPACE} (this project) or ${PROVIDER_CONFIG_NAMESPACES.join(", ")} (providers)`;
  const problems: ConfigProblem[] = [];
  for (const [fullKey, text] of Object.entries(all)) {
    const { namespace, key } = splitConfigKey(fullKey);
    if (namespace === CONFIG_NAMESPACE || PROVIDER_CONFIG_NAMESPACES.includes(namespace)) continue;
    const suggestion = suggestConfigKey(fullKey);
    problems.push({
      path: fullKey,
      found: decode(key, text),
      allowed: suggestion ? `${allowedNamespaces}; did you mean ${suggestion}?` : allowedNamespaces,
    });
  }
  return problems;
}
