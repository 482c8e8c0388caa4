/**
 * The numbers SearchAvailablePhoneNumbers offers: a deterministic inventory per country and type, so
 * a claim by country, type and prefix finds the same free number on every run.
 */

/** Where the inventory of a (country, type) starts when the search gives no prefix. */
const DEFAULT_PREFIXES: Readonly<Record<string, string>> = {
  "US/DID": "+1206555",
  "US/TOLL_FREE": "+1800555",
  "GB/DID": "+44207946",
  "GB/TOLL_FREE": "+44800",
  "DE/DID": "+4930",
  "DE/TOLL_FREE": "+490800",
  "JP/DID": "+813",
  "JP/TOLL_FREE": "+81120",
};

/** E.164 length (digits after +) of the inventory's numbers by calling code. */
const LENGTHS: readonly [string, number][] = [["+1", 11], ["+44", 12], ["+49", 12], ["+81", 11]];

/**
 * Up to `max` numbers of `country` and `type` starting with `prefix` (with or without its +) that
 * nobody has claimed, in ascending order. `classify` is the simulator's own country and type rule, so
 * the inventory never offers a number the claim would classify differently.
 */
export function availableNumbers(
  country: string,
  type: string,
  prefix: string | undefined,
  claimed: ReadonlySet<string>,
  classify: (number: string) => { countryCode: string; type: string },
  max: number,
): string[] {
  const start = prefix === undefined ? DEFAULT_PREFIXES[`${country}/${type}`] : `+${prefix.replace(/^\+/, "")}`;
  if (start === undefined) return [];
  const length = LENGTHS.find(([code]) => start.startsWith(code))?.[1];
  if (length === undefined || start.length - 1 >= length) return [];
  const free = length - (start.length - 1);
  const found: string[] = [];
  // A bounded walk: enough candidates for any test, never an endless loop on a full prefix.
  for (let i = 100; i < Math.min(10 ** free, 100 + 10_000) && found.length < max; i++) {
    const candidate = `${start}${String(i).padStart(free, "0")}`;
    if (claimed.has(candidate)) continue;
    let kind;
    try {
      kind = classify(candidate);
    } catch {
      return found;
    }
    if (kind.countryCode === country && kind.type === type) found.push(candidate);
  }
  return found;
}
