import { type ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import * as readline from "node:readline";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import type { FrameworkControl } from "../../policies/frameworks";
import { POLICY_PACK_NAME, ruleMetadata } from "../../policies/registry";
import { type EngineEndpoint, startEngineEndpoint } from "./engine-endpoint";
import {
    type EnforcementLevel,
    type PolicyConfigEntry,
    type PolicyConfigInfo,
    type PolicyPackConfigFile,
    reconcilePolicyPackConfig,
} from "./policy-pack-config";

export type { EnforcementLevel, PolicyPackConfigFile } from "./policy-pack-config";
export { PolicyPackConfigError } from "./policy-pack-config";

/**
 * The engine's placeholder for a value not known until the resource is created (`KeepUnknowns`
 * marshalling). Put it in `properties` where preview would have an unknown output.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const SECRET_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

/** Wraps a property value as the engine marshals a secret (`KeepSecrets`). */
export function secret(value: unknown): Record<string, unknown> {
    return { [SECRET_SIGNATURE_KEY]: SECRET_SIGNATURE, value };
}

/** The provider resource a resource was registered with, as the engine sends it. */
export interface PolicyProvider {
    /** e.g. `pulumi:providers:aws`. */
    readonly type: string;
    readonly urn: string;
    readonly name: string;
    /** The provider's inputs, e.g. `{ region: "eu-central-1" }`. */
    readonly properties: Readonly<Record<string, unknown>>;
}

/** Resource options, as `AnalyzerResourceOptions` carries them. */
export interface PolicyResourceOptions {
    readonly protect?: boolean;
    readonly ignoreChanges?: readonly string[];
    /** Undefined means "not set", which the protocol distinguishes from false. */
    readonly deleteBeforeReplace?: boolean;
    readonly aliases?: readonly string[];
    readonly additionalSecretOutputs?: readonly string[];
    readonly customTimeouts?: { readonly createSeconds?: number; readonly updateSeconds?: number; readonly deleteSeconds?: number };
}

/** One resource to analyze: what the engine knows about it at registration. */
export interface PolicyResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** Inputs for `analyze`, outputs (or inputs with `UNKNOWN`s during preview) for `analyzeStack`. */
    readonly properties: Readonly<Record<string, unknown>>;
    readonly provider?: PolicyProvider;
    /** URN of the parent resource. */
    readonly parent?: string;
    readonly options?: PolicyResourceOptions;
    /** URNs this resource depends on (stack analysis only). */
    readonly dependencies?: readonly string[];
    /** Per input property, the URNs its value came from (stack analysis only). */
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

/** One violation reported by the pack. */
export interface Violation {
    readonly policyName: string;
    readonly packName: string;
    readonly packVersion: string;
    readonly description: string;
    /** The pack's description and the rule's specific message, joined by a newline as @pulumi/policy does. */
    readonly message: string;
    readonly enforcementLevel: EnforcementLevel;
    /** The resource in violation: the analyzed one for `analyze`; for stack policies only when the rule named one. */
    readonly urn?: string;
    readonly severity?: "low" | "medium" | "high" | "critical";
    /** How to fix it: the policy's `remediationSteps` from `GetAnalyzerInfo` ("" if the pack has none). */
    readonly remediation: string;
    /**
     * Framework controls the rule serves. The protocol does not carry them, so they come from the
     * connect-dr rule registry (`policies/registry.ts`); empty for other packs and for guardrails.
     */
    readonly controls: readonly FrameworkControl[];
}

/** A policy that said it does not apply, and why. */
export interface NotApplicable {
    readonly policyName: string;
    readonly reason: string;
}

/** Outcome of analyzing resources or a stack. */
export interface AnalysisResult {
    readonly violations: readonly Violation[];
    readonly notApplicable: readonly NotApplicable[];
}

/** One policy as the pack describes itself in `GetAnalyzerInfo`. */
export interface PolicyInfo extends PolicyConfigInfo {
    readonly description: string;
    readonly kind: "resource" | "stack" | "unspecified";
    readonly remediationSteps: string;
    readonly tags: readonly string[];
    readonly framework?: { readonly name: string; readonly version: string; readonly reference: string; readonly specification: string };
}

/** The pack's self-description. */
export interface PolicyPackInfo {
    readonly name: string;
    readonly version: string;
    readonly description: string;
    readonly supportsConfig: boolean;
    readonly policies: readonly PolicyInfo[];
    readonly initialConfig: PolicyPackConfigFile;
}

/** How to start the pack. */
export interface StartPolicyPackOptions {
    /** Directory holding PulumiPolicy.yaml and the pack's package.json. */
    readonly packDir: string;
    /** Pack config, as in a `--policy-pack-config` file. @default {} (every policy at its default level) */
    readonly config?: PolicyPackConfigFile;
    /** Whether this is a preview; sets PULUMI_NODEJS_DRY_RUN as the engine does. @default true */
    readonly dryRun?: boolean;
    /** @default "connect-dr" */
    readonly project?: string;
    /** @default "gate" */
    readonly stack?: string;
    /** @default "organization" */
    readonly organization?: string;
    /** Stack tags sent with `ConfigureStack` (rules see them as `stackTags`). @default {} */
    readonly stackTags?: Readonly<Record<string, string>>;
    /** Stack config (`project:key` to value) passed as PULUMI_CONFIG. @default {} */
    readonly stackConfig?: Readonly<Record<string, string>>;
    /** How long to wait for the pack to print its port. @default 60000 */
    readonly startTimeoutMs?: number;
}

/** A running pack process and a typed client for it. */
export interface PolicyPackSession {
    readonly info: PolicyPackInfo;
    /** The config sent in the last `Configure`, per policy. */
    readonly configuration: ReadonlyMap<string, PolicyConfigEntry>;
    /** Analyzes each resource with its own `Analyze` call (concurrently, like the engine); results in input order. */
    analyze(resources: readonly PolicyResource[]): Promise<AnalysisResult>;
    /** Analyzes all resources in one `AnalyzeStack` call. */
    analyzeStack(resources: readonly PolicyResource[]): Promise<AnalysisResult>;
    /** Reconciles and sends new pack config, as a new engine run would. */
    configure(config: PolicyPackConfigFile): Promise<void>;
    /** What the pack wrote to stdout after its port, and to stderr. */
    readonly output: { readonly stdout: readonly string[]; readonly stderr: readonly string[] };
    /** Closes the client, stops the process and the engine endpoint. */
    close(): Promise<void>;
}

const LEVEL_FROM_PROTO: Record<number, EnforcementLevel> = {
    [analyzerPb.EnforcementLevel.ADVISORY]: "advisory",
    [analyzerPb.EnforcementLevel.MANDATORY]: "mandatory",
    [analyzerPb.EnforcementLevel.REMEDIATE]: "remediate",
    [analyzerPb.EnforcementLevel.DISABLED]: "disabled",
};
const LEVEL_TO_PROTO: Record<EnforcementLevel, analyzerPb.EnforcementLevel> = {
    advisory: analyzerPb.EnforcementLevel.ADVISORY,
    mandatory: analyzerPb.EnforcementLevel.MANDATORY,
    remediate: analyzerPb.EnforcementLevel.REMEDIATE,
    disabled: analyzerPb.EnforcementLevel.DISABLED,
};
const SEVERITY_FROM_PROTO: Record<number, Violation["severity"]> = {
    [analyzerPb.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
    [analyzerPb.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
    [analyzerPb.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
    [analyzerPb.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

/** Messages up to 400 MiB, matching the limit the pack's server accepts. */
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

/**
 * Starts the policy pack in `packDir` exactly as `pulumi preview --policy-pack` does: `node
 * <@pulumi/pulumi/cmd/run-policy-pack> <engine address> .` with the pack directory as working
 * directory and the engine's PULUMI_* environment. run-policy-pack registers ts-node (type-checking
 * the pack) and requires the pack, whose `PolicyPack` serves the Analyzer service and prints its port.
 * Then it sends what the engine sends before any resource: `Handshake`, `GetAnalyzerInfo`,
 * `Configure` with the reconciled config, and `ConfigureStack`.
 */
export async function startPolicyPack(options: StartPolicyPackOptions): Promise<PolicyPackSession> {
    const packDir = path.resolve(options.packDir);
    const dryRun = options.dryRun ?? true;
    const project = options.project ?? "connect-dr";
    const stack = options.stack ?? "gate";
    const organization = options.organization ?? "organization";
    // The engine's analyzer plugin resolves run-policy-pack from the pack's own node_modules.
    const runPolicyPack = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
    const engine = await startEngineEndpoint();
    const child = spawn(process.execPath, [runPolicyPack, engine.address, "."], {
        cwd: packDir,
        env: {
            ...process.env,
            PULUMI_CONFIG: JSON.stringify(options.stackConfig ?? {}),
            PULUMI_NODEJS_ORGANIZATION: organization,
            PULUMI_NODEJS_PROJECT: project,
            PULUMI_NODEJS_STACK: stack,
            PULUMI_NODEJS_DRY_RUN: String(dryRun),
            PULUMI_ORGANIZATION: organization,
            PULUMI_PROJECT: project,
            PULUMI_STACK: stack,
            PULUMI_DRY_RUN: String(dryRun),
        },
        stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: string[] = [];
    const stderr: string[] = [];
    readline.createInterface({ input: child.stderr! }).on("line", line => stderr.push(line));
    let client: AnalyzerClient | undefined;
    try {
        const port = await readPort(child, stdout, stderr, options.startTimeoutMs ?? 60_000);
        client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
            "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
        });
        const connected = client;
        await handshake(connected, engine.address, packDir);
        const info = toPackInfo(await unary<analyzerPb.AnalyzerInfo>(cb => connected.getAnalyzerInfo(new Empty(), cb)));
        let configuration = await sendConfigure(connected, info, options.config ?? {});
        const stackRequest = new analyzerPb.AnalyzerStackConfigureRequest()
            .setStack(stack)
            .setProject(project)
            .setOrganization(organization)
            .setDryRun(dryRun);
        for (const [key, value] of Object.entries(options.stackConfig ?? {})) {
            stackRequest.getConfigMap().set(key, value);
        }
        for (const [key, value] of Object.entries(options.stackTags ?? {})) {
            stackRequest.getTagsMap().set(key, value);
        }
        await unary(cb => connected.configureStack(stackRequest, cb));

        return {
            info,
            get configuration() {
                return configuration;
            },
            output: { stdout, stderr },
            analyze: async resources => {
                const responses = await Promise.all(
                    resources.map(resource =>
                        unary<analyzerPb.AnalyzeResponse>(cb => connected.analyze(toAnalyzeRequest(resource), cb)),
                    ),
                );
                // The engine attributes an Analyze diagnostic to the resource analyzed.
                return mergeResults(responses.map((r, i) => toResult(r, info, resources[i].urn)));
            },
            analyzeStack: async resources => {
                const request = new analyzerPb.AnalyzeStackRequest().setResourcesList(resources.map(toAnalyzerResource));
                return toResult(await unary<analyzerPb.AnalyzeResponse>(cb => connected.analyzeStack(request, cb)), info);
            },
            configure: async config => {
                configuration = await sendConfigure(connected, info, config);
            },
            close: () => shutdown(child, connected, engine),
        };
    } catch (error) {
        await shutdown(child, client, engine);
        throw error;
    }
}

/**
 * Sends `Handshake` as current engines do first. Packs built on @pulumi/policy 1.21 do not implement
 * it; the engine then carries on with the address it passed on the command line, and so do we.
 */
async function handshake(client: AnalyzerClient, engineAddress: string, packDir: string): Promise<void> {
    const request = new analyzerPb.AnalyzerHandshakeRequest()
        .setEngineAddress(engineAddress)
        .setRootDirectory(packDir)
        .setProgramDirectory(packDir);
    try {
        await unary(cb => client.handshake(request, cb));
    } catch (error) {
        if ((error as grpc.ServiceError).code !== grpc.status.UNIMPLEMENTED) {
            throw error;
        }
    }
}

function readPort(child: ChildProcess, stdout: string[], stderr: readonly string[], timeoutMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
        let port: number | undefined;
        const fail = (reason: string) => {
            clearTimeout(timer);
            reject(new Error(`policy pack did not start: ${reason}\n${stderr.join("\n")}`));
        };
        const timer = setTimeout(() => fail(`no port on stdout within ${timeoutMs} ms`), timeoutMs);
        readline.createInterface({ input: child.stdout! }).on("line", line => {
            if (port !== undefined) {
                stdout.push(line);
                return;
            }
            // The engine takes the first stdout line as the port, exactly as here.
            const parsed = Number.parseInt(line.trim(), 10);
            if (!Number.isInteger(parsed) || String(parsed) !== line.trim()) {
                fail(`expected a port as the first line of stdout, got ${JSON.stringify(line)}`);
                return;
            }
            port = parsed;
            clearTimeout(timer);
            resolve(parsed);
        });
        child.once("error", error => fail(error.message));
        // stderr may still be flushing when the process exits; give the reader a moment.
        child.once("exit", code => setTimeout(() => port === undefined && fail(`exited with code ${code}`), 50));
    });
}

async function sendConfigure(
    client: AnalyzerClient,
    info: PolicyPackInfo,
    config: PolicyPackConfigFile,
): Promise<Map<string, PolicyConfigEntry>> {
    const reconciled = reconcilePolicyPackConfig(info.policies, info.initialConfig, config);
    const request = new analyzerPb.ConfigureAnalyzerRequest();
    for (const [policy, entry] of reconciled) {
        request
            .getPolicyconfigMap()
            .set(
                policy,
                new analyzerPb.PolicyConfig()
                    .setEnforcementlevel(LEVEL_TO_PROTO[entry.enforcementLevel])
                    .setProperties(Struct.fromJavaScript(entry.properties as Record<string, never>)),
            );
    }
    await unary(cb => client.configure(request, cb));
    return reconciled;
}

function unary<T>(call: (callback: (error: grpc.ServiceError | null, response: T) => void) => unknown): Promise<T> {
    return new Promise((resolve, reject) => call((error, response) => (error ? reject(error) : resolve(response))));
}

/** Drops `undefined`s (protobuf Struct cannot carry them; the engine never sends them). */
function toStruct(value: Readonly<Record<string, unknown>>): Struct {
    return Struct.fromJavaScript(JSON.parse(JSON.stringify(value)) as Record<string, never>);
}

function toOptions(options: PolicyResourceOptions | undefined, parent: string | undefined): analyzerPb.AnalyzerResourceOptions {
    const timeouts = new analyzerPb.AnalyzerResourceOptions.CustomTimeouts()
        .setCreate(options?.customTimeouts?.createSeconds ?? 0)
        .setUpdate(options?.customTimeouts?.updateSeconds ?? 0)
        .setDelete(options?.customTimeouts?.deleteSeconds ?? 0);
    return new analyzerPb.AnalyzerResourceOptions()
        .setProtect(options?.protect ?? false)
        .setIgnorechangesList([...(options?.ignoreChanges ?? [])])
        .setDeletebeforereplace(options?.deleteBeforeReplace ?? false)
        .setDeletebeforereplacedefined(options?.deleteBeforeReplace !== undefined)
        .setAliasesList([...(options?.aliases ?? [])])
        .setAdditionalsecretoutputsList([...(options?.additionalSecretOutputs ?? [])])
        .setCustomtimeouts(timeouts)
        .setParent(parent ?? "");
}

function toProvider(provider: PolicyProvider): analyzerPb.AnalyzerProviderResource {
    return new analyzerPb.AnalyzerProviderResource()
        .setType(provider.type)
        .setUrn(provider.urn)
        .setName(provider.name)
        .setProperties(toStruct(provider.properties));
}

function toAnalyzeRequest(resource: PolicyResource): analyzerPb.AnalyzeRequest {
    const request = new analyzerPb.AnalyzeRequest()
        .setUrn(resource.urn)
        .setType(resource.type)
        .setName(resource.name)
        .setProperties(toStruct(resource.properties))
        .setOptions(toOptions(resource.options, resource.parent));
    if (resource.provider) {
        request.setProvider(toProvider(resource.provider));
    }
    return request;
}

function toAnalyzerResource(resource: PolicyResource): analyzerPb.AnalyzerResource {
    const message = new analyzerPb.AnalyzerResource()
        .setUrn(resource.urn)
        .setType(resource.type)
        .setName(resource.name)
        .setProperties(toStruct(resource.properties))
        .setOptions(toOptions(resource.options, resource.parent))
        .setParent(resource.parent ?? "")
        .setDependenciesList([...(resource.dependencies ?? [])]);
    if (resource.provider) {
        message.setProvider(toProvider(resource.provider));
    }
    for (const [property, urns] of Object.entries(resource.propertyDependencies ?? {})) {
        // The engine skips properties without dependencies.
        if (urns.length > 0) {
            message
                .getPropertydependenciesMap()
                .set(property, new analyzerPb.AnalyzerPropertyDependencies().setUrnsList([...urns]));
        }
    }
    return message;
}

function toResult(response: analyzerPb.AnalyzeResponse, info: PolicyPackInfo, subjectUrn?: string): AnalysisResult {
    const remediation = (policyName: string) => info.policies.find(p => p.name === policyName)?.remediationSteps ?? "";
    const controls = (packName: string, policyName: string) =>
        packName === POLICY_PACK_NAME ? (ruleMetadata(policyName)?.controls ?? []) : [];
    return {
        violations: response.getDiagnosticsList().map(d => ({
            policyName: d.getPolicyname(),
            packName: d.getPolicypackname(),
            packVersion: d.getPolicypackversion(),
            description: d.getDescription(),
            message: d.getMessage(),
            enforcementLevel: LEVEL_FROM_PROTO[d.getEnforcementlevel()],
            ...(d.getUrn() || subjectUrn ? { urn: d.getUrn() || subjectUrn } : {}),
            ...(SEVERITY_FROM_PROTO[d.getSeverity()] ? { severity: SEVERITY_FROM_PROTO[d.getSeverity()] } : {}),
            remediation: remediation(d.getPolicyname()),
            controls: controls(d.getPolicypackname(), d.getPolicyname()),
        })),
        notApplicable: response.getNotApplicableList().map(n => ({ policyName: n.getPolicyName(), reason: n.getReason() })),
    };
}

function mergeResults(results: readonly AnalysisResult[]): AnalysisResult {
    return {
        violations: results.flatMap(r => r.violations),
        notApplicable: results.flatMap(r => r.notApplicable),
    };
}

function toPackInfo(info: analyzerPb.AnalyzerInfo): PolicyPackInfo {
    const kind = (type: analyzerPb.PolicyType): PolicyInfo["kind"] =>
        type === analyzerPb.PolicyType.POLICY_TYPE_RESOURCE ? "resource" : type === analyzerPb.PolicyType.POLICY_TYPE_STACK ? "stack" : "unspecified";
    const initialConfig: Record<string, { enforcementLevel?: EnforcementLevel } & Record<string, unknown>> = {};
    info.getInitialconfigMap().forEach((value, key) => {
        initialConfig[key] = {
            ...(value.getProperties()?.toJavaScript() ?? {}),
            enforcementLevel: LEVEL_FROM_PROTO[value.getEnforcementlevel()],
        };
    });
    return {
        name: info.getName(),
        version: info.getVersion(),
        description: info.getDescription(),
        supportsConfig: info.getSupportsconfig(),
        initialConfig,
        policies: info.getPoliciesList().map(p => {
            const schema = p.getConfigschema();
            const framework = p.getFramework();
            return {
                name: p.getName(),
                description: p.getDescription(),
                enforcementLevel: LEVEL_FROM_PROTO[p.getEnforcementlevel()],
                kind: kind(p.getPolicyType()),
                remediationSteps: p.getRemediationSteps(),
                tags: p.getTagsList(),
                ...(schema
                    ? {
                          configSchema: {
                              properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, Record<string, unknown>>,
                              required: schema.getRequiredList(),
                          },
                      }
                    : {}),
                ...(framework
                    ? {
                          framework: {
                              name: framework.getName(),
                              version: framework.getVersion(),
                              reference: framework.getReference(),
                              specification: framework.getSpecification(),
                          },
                      }
                    : {}),
            };
        }),
    };
}

async function shutdown(child: ChildProcess, client: AnalyzerClient | undefined, engine: EngineEndpoint): Promise<void> {
    client?.close();
    if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>(resolve => child.once("exit", () => resolve()));
        // The engine kills analyzer plugins when it is done; the pack holds no state worth flushing.
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 2000);
        await exited;
        clearTimeout(timer);
    }
    await engine.close();
}
