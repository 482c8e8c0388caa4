import type { EnforcementLevel, PolicyPackConfig } from "@pulumi/policy";
import { type FrameworkId, frameworksOf, FRAMEWORK_IDS } from "./frameworks";
import { POLICIES } from "./registry";

/** A pack-wide choice of frameworks and levels, the way a compliance team states it. */
export interface FrameworkSelection {
    /** Frameworks in force. @default all of them */
    readonly frameworks?: readonly FrameworkId[];
    /** Level for every rule in force. @default each rule's own default */
    readonly enforcementLevel?: EnforcementLevel;
    /** Per-rule levels, winning over `enforcementLevel`. */
    readonly levels?: Readonly<Record<string, EnforcementLevel>>;
    /** Regions resources may be created in (residency and SCP preview rules). @default the rules' default */
    readonly allowedRegions?: readonly string[];
}

/**
 * Expands a pack-wide selection into the per-policy config the engine accepts (the content of a
 * `--policy-pack-config` file), because the Analyzer protocol configures policies one by one:
 * rules serving none of the selected frameworks are `disabled`; the others get `frameworks` (some
 * rules, such as log retention, depend on which frameworks are in force) and the chosen level.
 * Organization guardrail rules serve no framework and stay in force whatever is selected.
 */
export function packConfigFor(selection: FrameworkSelection): PolicyPackConfig {
    const frameworks = selection.frameworks ?? FRAMEWORK_IDS;
    const unknownLevels = Object.keys(selection.levels ?? {}).filter(name => !POLICIES.some(p => p.name === name));
    if (unknownLevels.length > 0) {
        throw new Error(`levels names no rule of this pack: ${unknownLevels.join(", ")}; rules are ${POLICIES.map(p => p.name).join(", ")}`);
    }
    const config: PolicyPackConfig = {};
    for (const policy of POLICIES) {
        const served = frameworksOf(policy.metadata.controls);
        if (served.length > 0 && !served.some(f => frameworks.includes(f))) {
            config[policy.name] = { enforcementLevel: "disabled" };
            continue;
        }
        const level = selection.levels?.[policy.name] ?? selection.enforcementLevel;
        const takesRegions = policy.configSchema?.properties.allowedRegions !== undefined;
        config[policy.name] = {
            ...(level ? { enforcementLevel: level } : {}),
            frameworks: [...frameworks],
            ...(takesRegions && selection.allowedRegions ? { allowedRegions: [...selection.allowedRegions] } : {}),
        };
    }
    return config;
}
