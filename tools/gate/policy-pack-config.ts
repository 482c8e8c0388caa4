import Ajv from "ajv";

/** Enforcement levels, as written in pack config and carried by the Analyzer protocol. */
export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/**
 * Pack config in the format of `pulumi preview --policy-pack-config <file>`: per policy name, either
 * an enforcement level or an object with an optional `enforcementLevel` plus the policy's own
 * properties. The key `all` sets the level of every policy.
 */
export type PolicyPackConfigFile = Readonly<
    Record<string, EnforcementLevel | ({ readonly enforcementLevel?: EnforcementLevel } & Readonly<Record<string, unknown>>)>
>;

/** One policy's config after reconciliation: what the engine sends in `Configure`. */
export interface PolicyConfigEntry {
    readonly enforcementLevel: EnforcementLevel;
    readonly properties: Readonly<Record<string, unknown>>;
}

/** What reconciliation needs to know about each policy (from `GetAnalyzerInfo`). */
export interface PolicyConfigInfo {
    readonly name: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly configSchema?: {
        readonly properties: Readonly<Record<string, Record<string, unknown>>>;
        readonly required?: readonly string[];
    };
}

/** Raised when pack config names a bad level or fails a policy's config schema; lists every problem. */
export class PolicyPackConfigError extends Error {
    constructor(readonly problems: readonly string[]) {
        super(`Invalid policy pack config:\n  ${problems.join("\n  ")}`);
        this.name = "PolicyPackConfigError";
    }
}

interface PartialEntry {
    enforcementLevel?: EnforcementLevel;
    properties?: Record<string, unknown>;
}

function parseConfigFile(config: PolicyPackConfigFile, problems: string[]): Map<string, PartialEntry> {
    const parsed = new Map<string, PartialEntry>();
    for (const [policy, value] of Object.entries(config)) {
        if (typeof value === "string") {
            if (!LEVELS.includes(value)) {
                problems.push(`${policy}: enforcement level ${JSON.stringify(value)} is not one of ${LEVELS.join(", ")}`);
                continue;
            }
            parsed.set(policy, { enforcementLevel: value });
            continue;
        }
        if (value === null || typeof value !== "object" || Array.isArray(value)) {
            problems.push(`${policy}: expected an enforcement level or an object, found ${JSON.stringify(value)}`);
            continue;
        }
        const { enforcementLevel, ...properties } = value;
        if (enforcementLevel !== undefined && !LEVELS.includes(enforcementLevel)) {
            problems.push(`${policy}.enforcementLevel: ${JSON.stringify(enforcementLevel)} is not one of ${LEVELS.join(", ")}`);
            continue;
        }
        parsed.set(policy, {
            enforcementLevel,
            properties: Object.keys(properties).length > 0 ? properties : undefined,
        });
    }
    return parsed;
}

/**
 * Mirrors the engine's `ReconcilePolicyPackConfig`: start from each policy's default level and the
 * `default`s in its config schema, apply the pack's initial config, then the given config (`all`
 * first, then per policy), and validate each policy's properties against its schema. The result has
 * an entry for every policy (plus any extra keys such as `all`, which the engine also forwards).
 */
export function reconcilePolicyPackConfig(
    policies: readonly PolicyConfigInfo[],
    initialConfig: PolicyPackConfigFile,
    config: PolicyPackConfigFile,
): Map<string, PolicyConfigEntry> {
    const problems: string[] = [];
    const result = new Map<string, { enforcementLevel: EnforcementLevel; properties: Record<string, unknown> }>();
    for (const policy of policies) {
        const properties: Record<string, unknown> = {};
        for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
            if ("default" in schema) {
                properties[key] = schema.default;
            }
        }
        result.set(policy.name, { enforcementLevel: policy.enforcementLevel, properties });
    }
    for (const layer of [parseConfigFile(initialConfig, problems), parseConfigFile(config, problems)]) {
        const all = layer.get("all");
        if (all?.enforcementLevel) {
            for (const entry of result.values()) {
                entry.enforcementLevel = all.enforcementLevel;
            }
        }
        for (const [policy, given] of layer) {
            const entry = result.get(policy) ?? { enforcementLevel: given.enforcementLevel ?? "advisory", properties: {} };
            if (given.enforcementLevel) {
                entry.enforcementLevel = given.enforcementLevel;
            }
            Object.assign(entry.properties, given.properties);
            result.set(policy, entry);
        }
    }
    const ajv = new Ajv({ allErrors: true, strict: false });
    for (const policy of policies) {
        if (!policy.configSchema) {
            continue;
        }
        const validate = ajv.compile({
            type: "object",
            properties: policy.configSchema.properties,
            required: policy.configSchema.required ?? [],
        });
        if (!validate(result.get(policy.name)?.properties ?? {})) {
            for (const error of validate.errors ?? []) {
                problems.push(`${policy.name}${error.instancePath.replaceAll("/", ".")}: ${error.message ?? "is invalid"}`);
            }
        }
    }
    if (problems.length > 0) {
        throw new PolicyPackConfigError(problems);
    }
    return result;
}
