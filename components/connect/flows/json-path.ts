const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Appends one step to a JSONPath: `.key` for identifier-like keys, `['key']` for the rest (flow
 * exports key Metadata by action UUIDs), `[n]` for array indexes.
 */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent}[${key}]`;
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}['${key.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}']`;
}
