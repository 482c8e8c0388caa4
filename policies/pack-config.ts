import type { EnforcementLevel, PolicyPackConfig } from "@pulumi/policy";
import { type FrameworkId, frameworksOf, FRAMEWORK_IDS } from "./frameworks";
import { POLICIES } from "./registry";

/** A pack-wide choice of frameworks, Regions and levels, the way a compliance team states it. */
export interface FrameworkSelection {
    /** Frameworks in force: they select the compliance rules. @default all of them */
    readonly frameworks?: readonly FrameworkId[];
    /**
     * Level for every compliance and guardrail rule. Resilience rules keep their own level (mandatory)
     * unless named in `levels`. @default each rule's own default
     */
    readonly enforcementLevel?: EnforcementLevel;
    /** Per-rule levels, winning over `enforcementLevel`; the only way to change a resilience rule's level. */
    readonly levels?: Readonly<Record<string, EnforcementLevel>>;
    /**
     * Regions resources may be created in (residency, SCP Region preview). @default none: those checks
     * run only if the stack declares its own Region-deny SCP, else one advisory says what to configure
     */
    readonly allowedRegions?: readonly string[];
}

/**
 * Expands a pack-wide selection into the per-policy config the engine accepts (the content of a
 * `--policy-pack-config` file), because the Analyzer protocol configures policies one by one:
 * compliance rules serving none of the selected frameworks are `disabled`; the others get
 * `frameworks` (some rules, such as log retention, depend on which frameworks are in force) and the
 * chosen level. Resilience and guardrail rules stay in force whatever is selected.
 */
export function packConfigFor(selection: FrameworkSelection): PolicyPackConfig {
    const frameworks = selection.frameworks ?? FRAMEWORK_IDS;
    const unknownLevels = Object.keys(selection.levels ?? {}).filter(name => !POLICIES.some(p => p.name === name));
    if (unknownLevels.length > 0) {
        throw new Error(`levels names no rule of this pack: ${unknownLevels.join(", ")}; rules are ${POLICIES.map(p => p.name).join(", ")}`);
    }
    const config: PolicyPackConfig = {};
    for (const policy of POLICIES) {
        const { family, controls } = policy.metadata;
        if (family === "compliance" && !frameworksOf(controls).some(f => frameworks.includes(f))) {
            config[policy.name] = { enforcementLevel: "disabled" };
            continue;
        }
        const level = selection.levels?.[policy.name] ?? (family === "resilience" ? undefined : selection.enforcementLevel);
        const takesRegions = policy.configSchema?.properties.allowedRegions !== undefined;
        config[policy.name] = {
            ...(level ? { enforcementLevel: level } : {}),
            frameworks: [...frameworks],
            ...(takesRegions && selection.allowedRegions ? { allowedRegions: [...selection.allowedRegions] } : {}),
        };
    }
    return config;
}
