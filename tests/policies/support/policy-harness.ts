/**
 * Runs one policy of the pack the way @pulumi/policy 1.21's server does (server.js
 * makeAnalyzeRpcFun / makeAnalyzeStackRpcFun), without a process: the same enforcement-level
 * resolution, unknown-checking proxy over the properties, `getConfig` without `enforcementLevel`,
 * `notApplicable` that throws, an `isType` that compares the class's type token, and the advisory
 * "can't run during preview" diagnostic when a rule touches an unknown value.
 */
import * as policyRuntime from "@pulumi/policy";
import type {
    EnforcementLevel,
    PolicyProviderResource,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";

// Runtime exports of @pulumi/policy whose declarations its typings strip.
const runtime = policyRuntime as unknown as {
    unknownCheckingProxy<T extends object>(value: T): T;
    UnknownValueError: new (...args: never[]) => Error;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxyModule = require("@pulumi/policy/proxy") as { unknownStringValue: string; unknownNumberValue: string; unknownArrayValue: string; unknownObjectValue: string };

/** What the engine puts where a string output is not known during preview. */
export const UNKNOWN_STRING = proxyModule.unknownStringValue;
/** What the engine puts where a number output is not known during preview. */
export const UNKNOWN_NUMBER = proxyModule.unknownNumberValue;
/** What the engine puts where a list output is not known during preview. */
export const UNKNOWN_ARRAY = proxyModule.unknownArrayValue;
/** What the engine puts where an object output is not known during preview. */
export const UNKNOWN_OBJECT = proxyModule.unknownObjectValue;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const packManifest = require("../../../policies/package.json") as { version: string };
/** How the server names the pack in diagnostics: `<name>@v<version>`. */
const PACK_ID = `connect-dr@v${packManifest.version}`;

/** The level the pack declares for policies without their own (policies/index.ts). */
const PACK_ENFORCEMENT_LEVEL: EnforcementLevel = "mandatory";

/** One reported violation. */
export interface HarnessViolation {
    /** The rule's own message (what it passed to reportViolation). */
    readonly message: string;
    readonly urn?: string;
    readonly enforcementLevel: EnforcementLevel;
}

/** What running one policy produced. */
export interface HarnessResult {
    readonly violations: readonly HarnessViolation[];
    /** Set when the policy called notApplicable. */
    readonly notApplicable?: string;
    /** True when the configured level is `disabled`, so the server would not call the policy. */
    readonly disabled: boolean;
}

/** A resource given to the harness. */
export interface HarnessResource {
    readonly type: string;
    readonly name?: string;
    readonly urn?: string;
    readonly props: Record<string, unknown>;
    readonly provider?: { readonly name?: string; readonly props: Record<string, unknown> };
    readonly opts?: Partial<PolicyResourceOptions>;
    /** Stack only: URN of the parent. */
    readonly parent?: string;
    /** Stack only: URNs of dependencies. */
    readonly dependencies?: readonly string[];
    /** Stack only: per property, URNs of the resources its value came from. */
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

/** Policy config as the engine sends it (properties plus `enforcementLevel`). */
export interface HarnessOptions {
    readonly config?: Record<string, unknown>;
    readonly stackTags?: Readonly<Record<string, string>>;
}

class NotApplicableSignal extends Error {
    constructor(readonly reason: string | undefined) {
        super(reason ?? "Policy does not apply");
    }
}

/** The URN the harness gives a resource without one. */
export function urnOf(type: string, name: string): string {
    return `urn:pulumi:test::connect-dr::${type}::${name}`;
}

function levelOf(policy: ResourceValidationPolicy | StackValidationPolicy, config: Record<string, unknown> | undefined): EnforcementLevel {
    const configured = config?.enforcementLevel as EnforcementLevel | undefined;
    const level = configured || policy.enforcementLevel || PACK_ENFORCEMENT_LEVEL;
    // As in the server: a violation from a remediating policy is reported as mandatory.
    return level === "remediate" ? "mandatory" : level;
}

function getConfigFrom(config: Record<string, unknown> | undefined) {
    return <T extends object>(): T => {
        const { enforcementLevel: _ignored, ...properties } = config ?? {};
        return properties as T;
    };
}

function isTypeOf(type: string, resourceClass: unknown): boolean {
    return (resourceClass as { __pulumiType?: string }).__pulumiType === type;
}

function frozenTags(tags: Readonly<Record<string, string>> | undefined): ReadonlyMap<string, string> {
    return new Map(Object.entries(tags ?? {}));
}

function options(resource: HarnessResource): PolicyResourceOptions {
    return {
        protect: false,
        ignoreChanges: [],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
        ...resource.opts,
        ...(resource.parent ? { parent: resource.parent } : {}),
    };
}

function providerOf(resource: HarnessResource): PolicyProviderResource | undefined {
    if (!resource.provider) {
        return undefined;
    }
    const name = resource.provider.name ?? "default";
    // The server proxies provider inputs too (server.js getProviderResource).
    return { type: "pulumi:providers:aws", name, urn: urnOf("pulumi:providers:aws", name), props: proxied(resource.provider.props) };
}

// The server deserialises properties from a protobuf Struct, so rules never see shared references.
function proxied(props: Record<string, unknown>): Record<string, unknown> {
    return runtime.unknownCheckingProxy(JSON.parse(JSON.stringify(props)) as Record<string, unknown>);
}

function collectOutcome(
    run: () => void | Promise<void>,
    policyName: string,
    violations: HarnessViolation[],
): Promise<string | undefined> {
    return Promise.resolve()
        .then(run)
        .then(
            () => undefined,
            (error: unknown) => {
                if (error instanceof NotApplicableSignal) {
                    return error.reason ?? "";
                }
                if (error instanceof runtime.UnknownValueError) {
                    violations.push({
                        message: `can't run policy '${policyName}' from policy pack '${PACK_ID}' during preview: ${error.message}`,
                        enforcementLevel: "advisory",
                    });
                    return undefined;
                }
                throw error;
            },
        );
}

/** Runs a resource policy against one resource. */
export async function runResourcePolicy(
    policy: ResourceValidationPolicy,
    resource: HarnessResource,
    harnessOptions: HarnessOptions = {},
): Promise<HarnessResult> {
    const level = levelOf(policy, harnessOptions.config);
    if (level === "disabled") {
        return { violations: [], disabled: true };
    }
    const name = resource.name ?? "subject";
    const urn = resource.urn ?? urnOf(resource.type, name);
    const violations: HarnessViolation[] = [];
    const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource!];
    let notApplicable: string | undefined;
    for (const validation of validations) {
        const props = proxied(resource.props);
        const provider = providerOf(resource);
        const args: ResourceValidationArgs = {
            type: resource.type,
            props,
            urn,
            name,
            opts: options(resource),
            stackTags: frozenTags(harnessOptions.stackTags),
            isType: resourceClass => isTypeOf(resource.type, resourceClass),
            asType: (resourceClass => (isTypeOf(resource.type, resourceClass) ? props : undefined)) as ResourceValidationArgs["asType"],
            getConfig: getConfigFrom(harnessOptions.config),
            notApplicable: reason => {
                throw new NotApplicableSignal(reason);
            },
            ...(provider ? { provider } : {}),
        };
        const report = (message: string) => {
            // Resource policies always report against the resource being validated.
            violations.push({ message, enforcementLevel: level });
        };
        notApplicable = (await collectOutcome(() => validation(args, report), policy.name, violations)) ?? notApplicable;
    }
    return { violations, disabled: false, ...(notApplicable !== undefined ? { notApplicable } : {}) };
}

/** Runs a stack policy against a set of resources. */
export async function runStackPolicy(
    policy: StackValidationPolicy,
    resources: readonly HarnessResource[],
    harnessOptions: HarnessOptions = {},
): Promise<HarnessResult> {
    const level = levelOf(policy, harnessOptions.config);
    if (level === "disabled") {
        return { violations: [], disabled: true };
    }
    const built = resources.map(resource => {
        const name = resource.name ?? "subject";
        const props = proxied(resource.props);
        const provider = providerOf(resource);
        const policyResource: PolicyResource = {
            type: resource.type,
            props,
            urn: resource.urn ?? urnOf(resource.type, name),
            name,
            opts: options(resource),
            dependencies: [],
            propertyDependencies: {},
            isType: resourceClass => isTypeOf(resource.type, resourceClass),
            asType: (resourceClass => (isTypeOf(resource.type, resourceClass) ? props : undefined)) as PolicyResource["asType"],
            ...(provider ? { provider } : {}),
        };
        return { resource, policyResource };
    });
    const byUrn = new Map(built.map(b => [b.policyResource.urn, b.policyResource]));
    for (const { resource, policyResource } of built) {
        const parent = resource.parent ? byUrn.get(resource.parent) : undefined;
        if (parent) {
            policyResource.parent = parent;
        }
        policyResource.dependencies = (resource.dependencies ?? []).flatMap(u => byUrn.get(u) ?? []);
        for (const [property, urns] of Object.entries(resource.propertyDependencies ?? {})) {
            policyResource.propertyDependencies[property] = urns.flatMap(u => byUrn.get(u) ?? []);
        }
    }
    const violations: HarnessViolation[] = [];
    const args: StackValidationArgs = {
        resources: built.map(b => b.policyResource),
        stackTags: frozenTags(harnessOptions.stackTags),
        getConfig: getConfigFrom(harnessOptions.config),
        notApplicable: reason => {
            throw new NotApplicableSignal(reason);
        },
    };
    const report = (message: string, urn?: string) => {
        violations.push({ message, enforcementLevel: level, ...(urn ? { urn } : {}) });
    };
    const notApplicable = await collectOutcome(() => policy.validateStack(args, report), policy.name, violations);
    return { violations, disabled: false, ...(notApplicable !== undefined ? { notApplicable } : {}) };
}

/** Just the messages, for exact assertions. */
export function messages(result: HarnessResult): string[] {
    return result.violations.map(v => v.message);
}
