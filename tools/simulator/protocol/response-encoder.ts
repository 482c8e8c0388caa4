/**
 * Serializes operation output the way restJson1 does: a JSON body whose timestamps are epoch
 * seconds (the protocol's default timestamp format for bodies), with undefined members omitted.
 */

/** JSON text for an output object; `Date`s become epoch seconds with millisecond precision. */
export function encodeOutput(output: unknown): string {
  return JSON.stringify(output ?? {}, function replacer(this: Record<string, unknown>, key: string, value: unknown) {
    const original = key === "" ? output : this[key];
    if (original instanceof Date) return original.getTime() / 1000;
    if (original instanceof Map) return Object.fromEntries(original);
    if (original instanceof Set) return [...original];
    return value;
  });
}
