/**
 * Which countries' numbers a DR pair's traffic distribution group may carry. A number moved by a
 * failover must ring in either Region of the pair, so the project accepts numbers of the country of
 * at least one of the two Regions (the ACGR Regions: US, Germany, the United Kingdom, Japan).
 */

/** The country each ACGR Region serves, as an ISO 3166 code. */
export const REGION_COUNTRIES: Readonly<Record<string, string>> = {
  "us-east-1": "US",
  "us-west-2": "US",
  "eu-central-1": "DE",
  "eu-west-2": "GB",
  "ap-northeast-1": "JP",
  "ap-northeast-3": "JP",
};

/** E.164 calling codes of those countries. */
export const CALLING_CODES: Readonly<Record<string, string>> = { US: "+1", DE: "+49", GB: "+44", JP: "+81" };

/** The countries of the pair, in order, without repeats. */
export function pairCountries(regions: readonly string[]): string[] {
  return [...new Set(regions.map((r) => REGION_COUNTRIES[r]).filter((c): c is string => c !== undefined))];
}

/** The country of an E.164 number among `countries` (by calling code), or undefined. */
export function countryOfNumber(e164: string, countries: readonly string[]): string | undefined {
  return countries.find((c) => CALLING_CODES[c] !== undefined && e164.startsWith(CALLING_CODES[c]!));
}
