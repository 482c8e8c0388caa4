import type {
    EnforcementLevel,
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { FRAMEWORKS, FRAMEWORK_IDS, type FrameworkControl, type FrameworkId, frameworksOf, isFrameworkId } from "./frameworks";

/**
 * The family a rule belongs to, which decides what a framework selection does to it:
 * - `resilience`: the DR controls (backups, PITR, deletion protection, replication, failover
 *   readiness). Always in force and mandatory whatever frameworks are selected; the framework controls
 *   they help satisfy are metadata only (as cdk-nag and Pulumi's compliance packs cite them).
 * - `compliance`: selected by frameworks; not applicable when none of their controls' frameworks is.
 * - `guardrail`: what the organization's SCPs enforce; in force whatever is selected, because the SCPs
 *   apply regardless.
 */
export type RuleFamily = "resilience" | "compliance" | "guardrail";

/**
 * What the pack knows about a rule beyond what the Analyzer protocol carries: the controls it serves
 * and how to fix a violation. The gate looks this up by policy name (see `registry.ts`).
 */
export interface RuleMetadata {
    readonly name: string;
    readonly family: RuleFamily;
    /** One sentence. */
    readonly description: string;
    /** The level the rule runs at when pack config does not set one. */
    readonly enforcementLevel: EnforcementLevel;
    /** What to change in the program to comply. */
    readonly remediation: string;
    /**
     * Framework controls served. They select `compliance` rules; on `resilience` rules they are
     * metadata only. Empty for organization guardrails.
     */
    readonly controls: readonly FrameworkControl[];
    /** Whether the rule validates one resource at a time or the whole stack. */
    readonly kind: "resource" | "stack";
}

/** The config every rule accepts: the frameworks in force. Rules add their own keys. */
export interface FrameworkSelectionConfig {
    /** Frameworks in force; a rule none of whose controls belong to one of them is not applicable. */
    readonly frameworks?: readonly string[];
}

/** What a rule's check receives besides the policy args: its config with defaults applied. */
export interface RuleContext<TConfig> {
    readonly config: TConfig;
    /** The frameworks in force for this run. */
    readonly frameworks: readonly FrameworkId[];
}

/** A policy of this pack: a @pulumi/policy policy plus its metadata. */
export type ConnectDrResourcePolicy = ResourceValidationPolicy & { readonly metadata: RuleMetadata };
/** A stack policy of this pack: a @pulumi/policy policy plus its metadata. */
export type ConnectDrStackPolicy = StackValidationPolicy & { readonly metadata: RuleMetadata };
/** Any policy of this pack. */
export type ConnectDrPolicy = ConnectDrResourcePolicy | ConnectDrStackPolicy;

interface RuleDefinitionBase<TConfig> {
    readonly name: string;
    /** @default "compliance" */
    readonly family?: RuleFamily;
    readonly description: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly remediation: string;
    readonly controls: readonly FrameworkControl[];
    /** JSON schema of the rule's own config keys (`frameworks` is added for every rule). */
    readonly configProperties?: Record<string, PolicyConfigJSONSchema>;
    /** Applies defaults to the raw config; must agree with the `default`s in `configProperties`. */
    readonly readConfig?: (raw: Record<string, unknown>) => TConfig;
}

/** Definition of a rule that checks one resource. */
export interface ResourceRuleDefinition<TConfig> extends RuleDefinitionBase<TConfig> {
    /**
     * Resource type tokens the rule checks, or a predicate over the token; other types are skipped
     * without a word (reporting "not applicable" for every other resource would only be noise).
     */
    readonly resourceTypes: readonly string[] | ((type: string) => boolean);
    readonly validate: (args: ResourceValidationArgs, report: ReportViolation, context: RuleContext<TConfig>) => void;
}

/** Definition of a rule that checks the whole stack (for settings that live in separate resources). */
export interface StackRuleDefinition<TConfig> extends RuleDefinitionBase<TConfig> {
    readonly validate: (args: StackValidationArgs, report: ReportViolation, context: RuleContext<TConfig>) => void;
}

const frameworksSchema: PolicyConfigJSONSchema = {
    type: "array",
    items: { type: "string", enum: [...FRAMEWORK_IDS] },
    uniqueItems: true,
    default: [...FRAMEWORK_IDS],
    description: "Compliance frameworks in force; compliance rules that serve none of them do not apply.",
};

/** Builds a resource policy whose check runs only for its resource types (and, for compliance rules, selected frameworks). */
export function defineResourceRule<TConfig = Record<string, never>>(
    definition: ResourceRuleDefinition<TConfig>,
): ConnectDrResourcePolicy {
    const applies =
        typeof definition.resourceTypes === "function"
            ? definition.resourceTypes
            : (type: string) => (definition.resourceTypes as readonly string[]).includes(type);
    return {
        ...policyFields(definition, "resource"),
        validateResource: (args, report) => {
            if (!applies(args.type)) {
                return;
            }
            const context = contextFor(definition, args.getConfig<Record<string, unknown>>(), args.notApplicable);
            definition.validate(args, report, context);
        },
    };
}

/** Builds a stack policy; a compliance rule runs only when one of its frameworks is selected. */
export function defineStackRule<TConfig = Record<string, never>>(
    definition: StackRuleDefinition<TConfig>,
): ConnectDrStackPolicy {
    return {
        ...policyFields(definition, "stack"),
        validateStack: (args, report) => {
            const context = contextFor(definition, args.getConfig<Record<string, unknown>>(), args.notApplicable);
            definition.validate(args, report, context);
        },
    };
}

function familyOf(definition: RuleDefinitionBase<unknown>): RuleFamily {
    const family = definition.family ?? "compliance";
    if (family === "compliance" && definition.controls.length === 0) {
        throw new Error(`rule ${definition.name}: a compliance rule needs at least one framework control (frameworks select it)`);
    }
    if (family === "guardrail" && definition.controls.length > 0) {
        throw new Error(`rule ${definition.name}: a guardrail rule cites no framework control (the SCPs apply whatever is selected)`);
    }
    return family;
}

function policyFields<TConfig>(definition: RuleDefinitionBase<TConfig>, kind: RuleMetadata["kind"]) {
    const family = familyOf(definition);
    const metadata: RuleMetadata = Object.freeze({
        name: definition.name,
        family,
        description: definition.description,
        enforcementLevel: definition.enforcementLevel,
        remediation: definition.remediation,
        controls: definition.controls,
        kind,
    });
    const configSchema: PolicyConfigSchema = {
        properties: { frameworks: frameworksSchema, ...definition.configProperties },
    };
    const primary = definition.controls[0];
    return {
        name: definition.name,
        description: definition.description,
        enforcementLevel: definition.enforcementLevel,
        remediationSteps: definition.remediation,
        configSchema,
        // The protocol carries one framework a policy; the full control list travels in `tags`.
        ...(primary === undefined
            ? {}
            : {
                  framework: {
                      name: FRAMEWORKS[primary.framework].name,
                      version: FRAMEWORKS[primary.framework].version,
                      reference: FRAMEWORKS[primary.framework].reference,
                      specification: definition.controls
                          .filter(c => c.framework === primary.framework)
                          .map(c => c.id)
                          .join(", "),
                  },
              }),
        tags: [...definition.controls.map(c => `${c.framework}:${c.id}`), `family:${family}`],
        metadata,
    };
}

function contextFor<TConfig>(
    definition: RuleDefinitionBase<TConfig>,
    raw: Record<string, unknown>,
    notApplicable: (reason?: string) => never,
): RuleContext<TConfig> {
    const frameworks = selectedFrameworks(raw.frameworks);
    const served = frameworksOf(definition.controls);
    // Only compliance rules follow the selection: DR controls and guardrails are always in force.
    if (familyOf(definition) === "compliance" && !served.some(f => frameworks.includes(f))) {
        notApplicable(`serves ${served.join(", ")}; selected frameworks: ${frameworks.join(", ") || "none"}`);
    }
    const config = definition.readConfig ? definition.readConfig(raw) : ({} as TConfig);
    return { config, frameworks };
}

/** The frameworks named in config, or all of them when config does not say. */
export function selectedFrameworks(raw: unknown): FrameworkId[] {
    if (!Array.isArray(raw)) {
        return [...FRAMEWORK_IDS];
    }
    return FRAMEWORK_IDS.filter(id => raw.some(v => isFrameworkId(v) && v === id));
}
