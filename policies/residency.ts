/**
 * Data-residency settings shared by the GDPR residency rule and the SCP Region preview.
 */

/**
 * Regions allowed when pack config does not say: the EU ACGR pair (Frankfurt and London, which has
 * an EU adequacy decision). Stacks in other pairs set `allowedRegions` in pack config.
 */
export const DEFAULT_ALLOWED_REGIONS: readonly string[] = ["eu-central-1", "eu-west-2"];

/** JSON schema of the `allowedRegions` config key. */
export const allowedRegionsSchema = {
    type: "array" as const,
    items: { type: "string" as const, pattern: "^[a-z]{2}(-[a-z]+)+-\\d$" },
    minItems: 1,
    uniqueItems: true,
    default: [...DEFAULT_ALLOWED_REGIONS],
    description: "Regions resources may be created in.",
};

/** Config of rules that take `allowedRegions`. */
export interface AllowedRegionsConfig {
    readonly allowedRegions: readonly string[];
}

/** Reads `allowedRegions` from raw policy config, falling back to the default. */
export function readAllowedRegions(raw: Record<string, unknown>): AllowedRegionsConfig {
    const value = raw.allowedRegions;
    const regions = Array.isArray(value) ? value.filter((r): r is string => typeof r === "string") : [];
    return { allowedRegions: regions.length > 0 ? regions : DEFAULT_ALLOWED_REGIONS };
}
