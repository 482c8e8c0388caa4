/**
 * The Region choice behind the residency rule and the SCP Region preview. The pack presumes no
 * geography: Regions are checked only when pack config names them (`allowedRegions`) or when the
 * stack itself declares the organization's Region-deny SCP; otherwise the advisory rule
 * `region-choice` says what to configure.
 */
import type { PolicyResource } from "@pulumi/policy";
import { readProperty } from "./inspection/known-value";
import { parsePolicyDocument } from "./inspection/policy-document";
import { isRegionalAwsType, resourceRegion } from "./inspection/resource-region";
import { AwsType } from "./resource-types";

/** JSON schema of the `allowedRegions` config key (no default: leaving it out means "no choice"). */
export const allowedRegionsSchema = {
    type: "array" as const,
    items: { type: "string" as const, pattern: "^[a-z]{2}(-[a-z]+)+-\\d$" },
    minItems: 1,
    uniqueItems: true,
    description: "Regions resources may be created in. Unset: the Regions the stack's own Region-deny SCP allows, if it declares one.",
};

/** Config of rules that take `allowedRegions`. */
export interface AllowedRegionsConfig {
    /** Undefined when pack config does not name any. */
    readonly allowedRegions?: readonly string[];
}

/** Reads `allowedRegions` from raw policy config; undefined when absent or empty. */
export function readAllowedRegions(raw: Record<string, unknown>): AllowedRegionsConfig {
    const value = raw.allowedRegions;
    const regions = Array.isArray(value) ? value.filter((r): r is string => typeof r === "string") : [];
    return regions.length > 0 ? { allowedRegions: regions } : {};
}

/** Where the allowed Regions of a run come from. */
export type RegionChoice =
    | { readonly kind: "config"; readonly regions: readonly string[] }
    /** The Regions the stack's Region-deny SCP(s) leave open (the intersection, if several). */
    | { readonly kind: "scp"; readonly regions: readonly string[]; readonly policies: readonly string[] }
    /** An SCP's content is unknown during preview: it may or may not deny Regions. */
    | { readonly kind: "unknown" }
    | { readonly kind: "none" };

// `StringNotEquals` (and its variants) on `aws:RequestedRegion` in a Deny: everything outside the list is denied.
const NEGATED_STRING_OPERATOR = /^(ForAnyValue:|ForAllValues:)?StringNot(Equals|EqualsIgnoreCase|Like)(IfExists)?$/;

/**
 * The Regions a Region-deny SCP document allows, or undefined if it denies no Region. Several deny
 * statements narrow each other (a request must pass every one).
 */
export function scpAllowedRegions(content: string): readonly string[] | undefined {
    const parsed = parsePolicyDocument(content);
    if (!parsed.ok) {
        return undefined;
    }
    let allowed: string[] | undefined;
    for (const statement of parsed.statements) {
        if (statement.effect !== "Deny") {
            continue;
        }
        for (const [operator, block] of Object.entries(statement.condition)) {
            if (!NEGATED_STRING_OPERATOR.test(operator) || block === null || typeof block !== "object") {
                continue;
            }
            for (const [key, value] of Object.entries(block)) {
                if (key.toLowerCase() !== "aws:requestedregion") {
                    continue;
                }
                const regions = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
                allowed = allowed === undefined ? regions : allowed.filter(r => regions.includes(r));
            }
        }
    }
    return allowed;
}

/** The Region choice for a stack: pack config wins, else the Region-deny SCPs the stack declares. */
export function regionChoice(config: AllowedRegionsConfig, resources: readonly PolicyResource[]): RegionChoice {
    if (config.allowedRegions) {
        return { kind: "config", regions: config.allowedRegions };
    }
    let regions: readonly string[] | undefined;
    const policies: string[] = [];
    for (const policy of resources.filter(r => r.type === AwsType.organizationsPolicy)) {
        const type = readProperty(policy.props, "type");
        if (type.known && type.value !== undefined && type.value !== "SERVICE_CONTROL_POLICY") {
            continue;
        }
        const content = readProperty(policy.props, "content");
        if (!content.known) {
            return { kind: "unknown" };
        }
        const allowed = typeof content.value === "string" ? scpAllowedRegions(content.value) : undefined;
        if (allowed !== undefined) {
            regions = regions === undefined ? allowed : regions.filter(r => allowed.includes(r));
            policies.push(policy.name);
        }
    }
    return regions === undefined ? { kind: "none" } : { kind: "scp", regions, policies };
}

/** Where the Regions came from, for messages. */
export function regionChoiceSource(choice: Extract<RegionChoice, { regions: readonly string[] }>): string {
    return choice.kind === "config"
        ? "allowedRegions in pack config"
        : `the Region-deny SCP ${choice.policies.map(p => `'${p}'`).join(", ")} of this stack`;
}

/** The distinct known Regions of the stack's regional AWS resources, sorted. */
export function regionsInUse(resources: readonly PolicyResource[]): string[] {
    const regions = new Set<string>();
    for (const resource of resources.filter(r => isRegionalAwsType(r.type))) {
        const region = resourceRegion(resource.props, resource.provider);
        if ("region" in region) {
            regions.add(region.region);
        }
    }
    return [...regions].sort();
}
