/**
 * The gate: synthesize each stack under mocks (one worker process per stack, concurrently), stream
 * every resource to the real policy pack as it is registered (like the engine does during preview),
 * then run stack analysis, and build the {@link GateReport}.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { checkConfigMap, readStackFileConfig } from "../../program/config";
import { FRAMEWORK_IDS, type FrameworkId } from "../../policies/frameworks";
import { alarmArn } from "../../policies/inspection/alarm-rule";
import { packConfigFor } from "../../policies/pack-config";
import { AwsType } from "../../policies/resource-types";
import { compositeAlarmReferences } from "../../policies/rules/composite-alarm-references";
import { assessReadiness, type ReadinessReport } from "../../cli/resiliency/readiness";
import { readinessInputsFromStack } from "../../cli/resiliency/stack-readiness";
import { GATE_SCOPE, summarize, type GateReport, type ReportResource, type ReportViolation, type StackReport } from "./gate-report";
import { startPolicyPack, type AnalysisResult, type PolicyPackConfigFile, type PolicyPackSession, type PolicyResource } from "./policy-pack-process";
import type { StackSynthesis } from "./preview-json";
import type { SynthesizedResource } from "./synthesis-messages";
import { synthesizeStacks, type SynthesizedStack } from "./synthesize-stacks";

/** What to gate. */
export interface GateOptions {
  /** Folder holding Pulumi.yaml and the stack files. */
  readonly projectDir: string;
  /** Stacks to gate, in analysis order. */
  readonly stacks: readonly string[];
  /** Program module. @default `<projectDir>/index.ts` */
  readonly program?: string;
  /** Policy pack folder. @default `<repository>/policies` */
  readonly packDir?: string;
  /** Per-stack config edits applied after reading the stack file (tests, benchmarks). */
  readonly editConfig?: (stack: string, config: Record<string, string>) => void;
  /** Called with each stack's whole synthesis once it is done (what `--format preview-json` prints). */
  readonly onSynthesized?: (synthesis: StackSynthesis) => void;
}

/** A problem with the gate's own input (missing stack file, bad project), reported without a stack trace. */
export class GateInputError extends Error {
  override name = "GateInputError";
}

const CONFIG_FRAMEWORKS: Record<string, FrameworkId> = { gdpr: "gdpr", hipaa: "hipaa", pci: "pci-dss", "pci-dss": "pci-dss" };

/**
 * Pack config for a stack, as a team would pass `--policy-pack-config`: the frameworks the stack
 * declares in `<project>:complianceFrameworks` (all of them when it declares none) and its two Regions
 * as the allowed Regions. `peerAlarmArns`, the alarms of the stacks this one reads, lets
 * `composite-alarm-references` check names this stack does not declare; only the gate, which has
 * synthesized those stacks, knows them.
 */
export function packConfigForStack(project: string, config: Readonly<Record<string, string>>, peerAlarmArns?: readonly string[]): PolicyPackConfigFile {
  const declared = config[`${project}:complianceFrameworks`];
  const list: unknown = declared ? JSON.parse(declared) : [];
  const frameworks = Array.isArray(list) && list.length > 0 ? [...new Set(list.map((f) => CONFIG_FRAMEWORKS[String(f)]).filter(Boolean))] : [...FRAMEWORK_IDS];
  const regions = [config[`${project}:primaryRegion`], config[`${project}:secondaryRegion`]].filter((r): r is string => typeof r === "string");
  const pack = packConfigFor({ frameworks, ...(regions.length === 2 ? { allowedRegions: regions } : {}) }) as Record<string, Record<string, unknown>>;
  if (peerAlarmArns) pack[compositeAlarmReferences.name] = { ...pack[compositeAlarmReferences.name], peerAlarmArns: [...peerAlarmArns] };
  return pack as PolicyPackConfigFile;
}

/** ARNs of the CloudWatch alarms a synthesized stack declares, from their names, Regions and accounts. */
export function declaredAlarmArns(resources: readonly SynthesizedResource[]): string[] {
  return resources.flatMap((r) => {
    const name = r.type === AwsType.compositeAlarm ? r.outputs.alarmName : r.type === AwsType.metricAlarm ? r.outputs.name : undefined;
    return typeof name === "string" && r.region && r.account ? [alarmArn(r.region, r.account, name)] : [];
  });
}

function projectName(projectDir: string): string {
  const file = path.join(projectDir, "Pulumi.yaml");
  if (!fs.existsSync(file)) throw new GateInputError(`no Pulumi.yaml in ${projectDir}: --project-dir must name the folder holding the Pulumi project`);
  const doc = yaml.load(fs.readFileSync(file, "utf8")) as { name?: unknown } | undefined;
  if (typeof doc?.name !== "string") throw new GateInputError(`${file}: missing 'name'`);
  return doc.name;
}

/** Builds the resource tree entries: account, Region and nearest component of each resource. */
export function treeOf(resources: readonly SynthesizedResource[]): ReportResource[] {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const componentOf = (r: SynthesizedResource): string => {
    let parent = r.parent ? byUrn.get(r.parent) : undefined;
    while (parent && parent.custom) parent = parent.parent ? byUrn.get(parent.parent) : undefined;
    return parent ? `${parent.type}::${parent.name}` : "(stack)";
  };
  return resources.map((r) => ({
    urn: r.urn,
    type: r.type,
    name: r.name,
    account: r.account ?? "-",
    region: r.region ?? "-",
    component: componentOf(r),
    custom: r.custom,
    dependsOn: [...(r.dependencies ?? [])],
  }));
}

function violationsOf(stack: string, result: AnalysisResult, phase: "resource" | "stack", byUrn: Map<string, SynthesizedResource>): ReportViolation[] {
  return result.violations.map((v) => {
    const resource = v.urn ? byUrn.get(v.urn) : undefined;
    return {
      stack,
      rule: v.policyName,
      level: v.enforcementLevel,
      ...(v.severity ? { severity: v.severity } : {}),
      ...(v.urn ? { urn: v.urn } : {}),
      ...(resource ? { resourceName: resource.name, resourceType: resource.type } : {}),
      message: v.message,
      remediation: v.remediation,
      controls: v.controls,
      phase,
    };
  });
}

/** Strips the gate's bookkeeping so the pack receives exactly a `PolicyResource`. */
function forAnalyze(r: SynthesizedResource): PolicyResource {
  const { custom: _c, account: _a, region: _r, outputs: _o, dependencies: _d, propertyDependencies: _p, ...resource } = r;
  return resource;
}

function forStackAnalysis(r: SynthesizedResource): PolicyResource {
  const { custom: _c, account: _a, region: _r, outputs, ...resource } = r;
  return { ...resource, properties: outputs };
}

/** Runs the gate. Rejects with GateInputError / SynthesisError / PolicyPackConfigError on user mistakes. */
export async function runGate(options: GateOptions): Promise<GateReport> {
  const began = Date.now();
  const projectDir = path.resolve(options.projectDir);
  const project = projectName(projectDir);
  const program = path.resolve(options.program ?? path.join(projectDir, "index.ts"));
  if (!fs.existsSync(program)) throw new GateInputError(`program ${program} does not exist: --program must name the program's entry module`);
  const jobs = options.stacks.map((stack) => {
    if (!fs.existsSync(path.join(projectDir, `Pulumi.${stack}.yaml`))) {
      throw new GateInputError(`stack '${stack}': no Pulumi.${stack}.yaml in ${projectDir}; stacks there are ${listStacks(projectDir).join(", ") || "(none)"}`);
    }
    let config: Record<string, string>;
    try {
      config = readStackFileConfig(stack, projectDir);
    } catch (error) {
      throw new GateInputError(`stack '${stack}': ${(error as Error).message}`);
    }
    options.editConfig?.(stack, config);
    return { stack, config };
  });

  // Per stack: batches waiting for analysis, and whether synthesis has finished.
  const queues = new Map(jobs.map((j) => [j.stack, { batches: [] as SynthesizedResource[][], done: undefined as SynthesizedStack | undefined, wake: () => {} }]));
  const packStart = startPolicyPack({ packDir: options.packDir ?? path.join(__dirname, "../../policies"), project, stack: "gate", startTimeoutMs: 300_000 });
  const synthesis = synthesizeStacks({
    project,
    program,
    projectDir,
    jobs,
    onResources: (stack, batch) => {
      const q = queues.get(stack)!;
      q.batches.push([...batch]);
      q.wake();
    },
    onDone: (result) => {
      const q = queues.get(result.stack)!;
      q.done = result;
      const job = jobs.find((j) => j.stack === result.stack)!;
      options.onSynthesized?.({ project, stack: result.stack, config: job.config, resources: result.resources, reads: result.reads, milliseconds: result.milliseconds });
      q.wake();
    },
  });
  let pack: PolicyPackSession | undefined;
  let failure: unknown;
  synthesis.catch((error) => {
    failure = error;
    for (const q of queues.values()) q.wake();
  });
  try {
    pack = await packStart;
    const reports: StackReport[] = [];
    for (const job of jobs) {
      const q = queues.get(job.stack)!;
      await pack.configure(packConfigForStack(project, job.config));
      const byUrn = new Map<string, SynthesizedResource>();
      // Analyze batches as they arrive without waiting for each answer: the pack works while the
      // worker synthesizes, as under the engine. Results are collected in arrival order.
      const inFlight: Promise<ReportViolation[]>[] = [];
      const session = pack;
      for (;;) {
        if (failure) throw failure;
        const batch = q.batches.shift();
        if (batch) {
          for (const r of batch) byUrn.set(r.urn, r);
          inFlight.push(session.analyze(batch.map(forAnalyze)).then((result) => violationsOf(job.stack, result, "resource", byUrn)));
          continue;
        }
        if (q.done) break;
        await new Promise<void>((wake) => (q.wake = wake));
      }
      const done = q.done!;
      if (done.references.length > 0) {
        // Stack analysis resolves composite alarm names against the stacks this one reads (synthesized
        // before it, since it waited for their outputs). Configure only once the resource analyses are in.
        await Promise.all(inFlight);
        const peers = done.references.flatMap((name) => declaredAlarmArns(queues.get(name)?.done?.resources ?? []));
        await session.configure(packConfigForStack(project, job.config, peers));
      }
      inFlight.push(session.analyzeStack(done.resources.map(forStackAnalysis)).then((result) => violationsOf(job.stack, result, "stack", byUrn)));
      const violations = (await Promise.all(inFlight)).flat();
      const readiness = readinessOf(job.config);
      reports.push({ stack: job.stack, resources: treeOf(done.resources), violations, outputs: done.outputs, synthesisMilliseconds: done.milliseconds, ...(readiness ? { readiness } : {}) });
    }
    await synthesis;
    return {
      scope: GATE_SCOPE,
      pack: { name: pack.info.name, version: pack.info.version, policies: pack.info.policies.length },
      stacks: reports,
      summary: summarize(reports),
      milliseconds: Date.now() - began,
    };
  } finally {
    await (pack ?? (await packStart.catch(() => undefined)))?.close();
    await synthesis.catch(() => undefined);
  }
}

/**
 * Writes `<dir>/<stack>.json` for each stack: the pack config the gate uses, for
 * `pulumi preview --policy-pack policies --policy-pack-config <dir>/<stack>.json`. Returns the files.
 */
export function writePackConfigs(projectDir: string, stacks: readonly string[], dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return stacks.map((stack) => {
    const file = path.join(dir, `${stack}.json`);
    fs.writeFileSync(file, `${JSON.stringify(packConfigForStack(projectName(projectDir), readStackFileConfig(stack, projectDir)), null, 2)}\n`);
    return file;
  });
}

/** The DR readiness of a stack from its configuration; undefined when the program would refuse it anyway. */
function readinessOf(config: Readonly<Record<string, string>>): ReadinessReport | undefined {
  const parsed = checkConfigMap(config).config;
  return parsed ? assessReadiness(readinessInputsFromStack(parsed)) : undefined;
}

/** Stack names with a `Pulumi.<stack>.yaml` in the project folder. */
export function listStacks(projectDir: string): string[] {
  return fs
    .readdirSync(projectDir)
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}
