/**
 * Amazon Connect's instance alias rules (the `DirectoryAlias` shape of CreateInstance's InstanceAlias
 * and ReplicateInstance's ReplicaAlias in the Connect API reference): 1 to 45 characters, letters and
 * digits with hyphens only between them, not starting with `d-` (reserved for directory ids).
 */
const PATTERN = /^(?!d-)([\da-zA-Z]+)([-]*[\da-zA-Z])*$/;

/** What an alias may be, said once for every message. */
export const INSTANCE_ALIAS_RULE = "1-45 letters and digits, hyphens only between them, not starting with 'd-' (Amazon Connect's instance alias rules)";

/** True when `alias` is a valid instance alias. */
export function isInstanceAlias(alias: unknown): alias is string {
  return typeof alias === "string" && alias.length >= 1 && alias.length <= 45 && PATTERN.test(alias);
}

/** One sentence naming the value and the rule when `alias` is invalid; undefined when it is valid. */
export function instanceAliasProblem(alias: unknown): string | undefined {
  return isInstanceAlias(alias) ? undefined : `found ${JSON.stringify(alias) ?? "undefined"}; ${INSTANCE_ALIAS_RULE}`;
}
