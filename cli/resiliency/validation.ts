import {
  type ConnectClient,
  DescribeInstanceCommand,
  DescribeQueueCommand,
  GetTrafficDistributionCommand,
  StartChatContactCommand,
  paginateListBots,
  paginateListContactFlows,
  paginateListFlowAssociations,
  paginateListLambdaFunctions,
  paginateListPhoneNumbersV2,
  paginateListQueues,
  paginateListRoutingProfileQueues,
  paginateListRoutingProfiles,
  paginateListUsers,
} from "@aws-sdk/client-connect";
import { agentProblems, readAgentPlan, type AgentSelection } from "./group-agents";
import { describeDistribution, fromGetTrafficDistributionOutput, isSplit, sameDistribution, type TrafficDistribution } from "../../components/runtime";

/** One line of the validation report. */
export interface Check {
  readonly region: string;
  readonly name: string;
  readonly status: "pass" | "fail" | "warn" | "skip";
  readonly detail: string;
}

export interface ValidationTarget {
  /** The instance id (the same in both Regions under ACGR). */
  readonly instanceId: string;
  /** The ACGR pair, primary first. */
  readonly regions: readonly [string, string];
  /** The traffic distribution group whose numbers and distribution are checked. */
  readonly groupArn?: string;
  /** The distribution that should be in force (after a failover: all in the recovered Region). */
  readonly expectedDistribution?: TrafficDistribution;
  /** Start a synthetic chat into this flow (by name) in each Region. @default no synthetic contact */
  readonly syntheticFlowName?: string;
  /**
   * Functions to invoke with `{"healthCheck": true}` in each Region: the CRM lookups answer it by
   * calling their CRM with the Region's credentials. @default none
   */
  readonly healthCheckFunctions?: readonly string[];
  /** Route 53 health checks of each Region's SIP endpoints (stack output telephonyHealthCheckIds), by Region. @default none */
  readonly sipHealthCheckIds?: Readonly<Record<string, readonly string[]>>;
  /** The agents that must be associated with the group (by username and routing profile). @default not checked */
  readonly agents?: AgentSelection;
  /**
   * Regions known to be down (after a failover away from a dark Region): their checks, and the
   * comparisons between the Regions, are reported as skipped; everything else is read from the
   * Regions that are up. @default none
   */
  readonly unavailableRegions?: readonly string[];
}

/** What a health probe found. */
export interface ProbeResult {
  readonly healthy: boolean;
  readonly detail: string;
}

/**
 * Route 53's own verdict on a health check: healthy when more than 18% of its checkers report
 * success (what Route 53 uses for DNS failover), from GetHealthCheckStatus's StatusReport.Status lines.
 */
export function route53Verdict(statuses: readonly string[]): ProbeResult {
  if (statuses.length === 0) return { healthy: false, detail: "no checker has reported yet" };
  const ok = statuses.filter((s) => s.startsWith("Success")).length;
  const failure = statuses.find((s) => !s.startsWith("Success"));
  return { healthy: ok / statuses.length > 0.18, detail: `${ok} of ${statuses.length} checkers report success${ok < statuses.length && failure ? ` (e.g. ${failure})` : ""}` };
}

/** What validation reads beyond Connect; absent ports are reported as skipped checks. */
export interface ValidationPorts {
  readonly connect: (region: string) => ConnectClient;
  /** Whether a Lambda function exists (Lambda GetFunction in that Region). */
  readonly functionExists?: (region: string, functionArn: string) => Promise<boolean>;
  /** Post-recovery anomalies in the Connect CloudWatch metrics of a Region (empty when none). */
  readonly metricAnomalies?: (region: string) => Promise<string[]>;
  /** Invokes a function with `{"healthCheck": true}` in a Region. */
  readonly invokeHealthCheck?: (region: string, functionName: string) => Promise<ProbeResult>;
  /** Reads a Route 53 health check's status (Route 53 is global). */
  readonly route53HealthCheck?: (healthCheckId: string) => Promise<ProbeResult>;
  /** Why an absent port's check is skipped (e.g. the flag that turned it off), reported in its detail. */
  readonly skipReasons?: { readonly functionExists?: string; readonly metricAnomalies?: string };
  readonly onCheck?: (check: Check) => void;
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

const list = (names: string[], max = 5) => (names.length > max ? `${names.slice(0, max).join(", ")} and ${names.length - max} more` : names.join(", "));

/** Checks of one Region's instance and its routing configuration. */
async function regionChecks(region: string, target: ValidationTarget, client: ConnectClient): Promise<Check[]> {
  const checks: Check[] = [];
  const instanceId = target.instanceId;
  const check = (name: string, ok: boolean, passDetail: string, failDetail: string) =>
    checks.push({ region, name, status: ok ? "pass" : "fail", detail: ok ? passDetail : failDetail });

  const instance = (await client.send(new DescribeInstanceCommand({ InstanceId: instanceId }))).Instance;
  check("instance active", instance?.InstanceStatus === "ACTIVE", `${instance?.InstanceAlias ?? instanceId} is ACTIVE`, `instance ${instanceId} is ${instance?.InstanceStatus ?? "missing"}`);

  const flows = (await collect(paginateListContactFlows({ client }, { InstanceId: instanceId }))).flatMap((p) => p.ContactFlowSummaryList ?? []);
  const unpublished = flows.filter((f) => f.ContactFlowState === "ACTIVE" && f.ContactFlowStatus !== undefined && f.ContactFlowStatus !== "PUBLISHED").map((f) => f.Name ?? f.Id ?? "?");
  check("flows published", flows.length > 0 && unpublished.length === 0, `${flows.length} flows, all published`, flows.length === 0 ? "no flows" : `not published: ${list(unpublished)}`);

  const queues = (await collect(paginateListQueues({ client }, { InstanceId: instanceId, QueueTypes: ["STANDARD"] }))).flatMap((p) => p.QueueSummaryList ?? []);
  const profiles = (await collect(paginateListRoutingProfiles({ client }, { InstanceId: instanceId }))).flatMap((p) => p.RoutingProfileSummaryList ?? []);
  const routed = new Set<string>();
  for (const profile of profiles) {
    const pages = await collect(paginateListRoutingProfileQueues({ client }, { InstanceId: instanceId, RoutingProfileId: profile.Id }));
    for (const q of pages.flatMap((p) => p.RoutingProfileQueueConfigSummaryList ?? [])) routed.add(q.QueueId ?? "");
  }
  const withoutHours: string[] = [];
  for (const q of queues) {
    const described = (await client.send(new DescribeQueueCommand({ InstanceId: instanceId, QueueId: q.Id }))).Queue;
    if (!described?.HoursOfOperationId) withoutHours.push(q.Name ?? q.Id ?? "?");
  }
  const unrouted = queues.filter((q) => !routed.has(q.Id ?? "")).map((q) => q.Name ?? q.Id ?? "?");
  check(
    "queues routed with hours",
    queues.length > 0 && withoutHours.length === 0 && unrouted.length === 0,
    `${queues.length} queues, each with hours and in a routing profile (${profiles.length} profiles)`,
    [queues.length === 0 ? "no queues" : "", withoutHours.length ? `no hours: ${list(withoutHours)}` : "", unrouted.length ? `in no routing profile: ${list(unrouted)}` : ""].filter(Boolean).join("; "),
  );

  if (target.groupArn) {
    const numbers = (await collect(paginateListPhoneNumbersV2({ client }, { TargetArn: target.groupArn }))).flatMap((p) => p.ListPhoneNumbersSummaryList ?? []);
    const associations = (await collect(paginateListFlowAssociations({ client }, { InstanceId: instanceId, ResourceType: "VOICE_PHONE_NUMBER" }))).flatMap(
      (p) => p.FlowAssociationSummaryList ?? [],
    );
    const withFlow = new Set(associations.map((a) => a.ResourceId));
    const orphaned = numbers.filter((n) => !withFlow.has(n.PhoneNumberArn) && !withFlow.has(n.PhoneNumberId)).map((n) => n.PhoneNumber ?? n.PhoneNumberId ?? "?");
    check(
      "phone numbers in the group with flows",
      numbers.length > 0 && orphaned.length === 0,
      `${numbers.length} numbers in the group, each associated with a flow`,
      numbers.length === 0 ? `no phone numbers in ${target.groupArn}: a failover moves no calls` : `no flow associated in ${region}: ${list(orphaned)}`,
    );
  }
  return checks;
}

/**
 * Service validation after a failover or restore: each Region's instance, flows, queues, routing and
 * numbers; what ACGR does not mirror (Lambda, Lex) present under the same names in both Regions; users
 * in both; the distribution in force; metrics; and optionally the CRM functions answering their
 * health check, the SIP endpoints' Route 53 health checks, and a synthetic chat through a test flow.
 */
export async function validateService(target: ValidationTarget, ports: ValidationPorts): Promise<Check[]> {
  const checks: Check[] = [];
  const emit = (c: Check) => {
    checks.push(c);
    ports.onCheck?.(c);
  };
  const failed = (region: string, name: string, error: unknown) => emit({ region, name, status: "fail", detail: `${(error as Error).name}: ${(error as Error).message}` });

  const lambdaByRegion = new Map<string, string[]>();
  const botsByRegion = new Map<string, string[]>();
  const usersByRegion = new Map<string, string[]>();
  const down = new Set(target.unavailableRegions ?? []);
  const up = target.regions.filter((r) => !down.has(r));
  for (const region of down) emit({ region, name: "Region checks", status: "skip", detail: `${region} is down; its checks and the comparisons between the Regions are skipped` });
  for (const region of up) {
    const client = ports.connect(region);
    try {
      for (const c of await regionChecks(region, target, client)) emit(c);
    } catch (error) {
      failed(region, "instance reachable", error);
      continue;
    }
    lambdaByRegion.set(region, (await collect(paginateListLambdaFunctions({ client }, { InstanceId: target.instanceId }))).flatMap((p) => p.LambdaFunctions ?? []));
    botsByRegion.set(
      region,
      (await collect(paginateListBots({ client }, { InstanceId: target.instanceId, LexVersion: "V2" }))).flatMap((p) => p.LexBots ?? []).map((b) => b.LexV2Bot?.AliasArn ?? ""),
    );
    usersByRegion.set(region, (await collect(paginateListUsers({ client }, { InstanceId: target.instanceId }))).flatMap((p) => p.UserSummaryList ?? []).map((u) => u.Username ?? ""));
  }

  const [primary, secondary] = target.regions;
  const functionName = (arn: string) => arn.split(":function:")[1]?.split(":")[0] ?? arn;
  const botName = (arn: string) => arn.split(":bot-alias/")[1] ?? arn;
  const compare = (name: string, byRegion: Map<string, string[]>, key: (v: string) => string, what: string) => {
    if (!byRegion.has(primary) || !byRegion.has(secondary)) return;
    const a = new Set(byRegion.get(primary)!.map(key));
    const b = new Set(byRegion.get(secondary)!.map(key));
    const onlyA = [...a].filter((x) => !b.has(x));
    const onlyB = [...b].filter((x) => !a.has(x));
    const ok = onlyA.length === 0 && onlyB.length === 0;
    emit({
      region: `${primary}+${secondary}`,
      name,
      status: ok ? "pass" : "fail",
      detail: ok ? `${a.size} ${what}, the same in both Regions` : [onlyA.length ? `only in ${primary}: ${list(onlyA)}` : "", onlyB.length ? `only in ${secondary}: ${list(onlyB)}` : ""].filter(Boolean).join("; "),
    });
  };
  compare("Lambda associations match", lambdaByRegion, functionName, "Lambda functions");
  compare("Lex bot associations match", botsByRegion, botName, "Lex bots");
  compare("users in both Regions", usersByRegion, (u) => u, "users");

  for (const region of up) {
    const arns = lambdaByRegion.get(region) ?? [];
    if (!ports.functionExists) {
      emit({ region, name: "Lambda functions exist", status: "skip", detail: ports.skipReasons?.functionExists ?? "no Lambda access configured" });
      continue;
    }
    const missing: string[] = [];
    for (const arn of arns) if (!(await ports.functionExists(region, arn))) missing.push(functionName(arn));
    emit({ region, name: "Lambda functions exist", status: missing.length ? "fail" : "pass", detail: missing.length ? `missing: ${list(missing)}` : `${arns.length} functions present` });
  }

  // The group's ARN works from either Region; read it where the service is up.
  const reader = up[0];
  if (target.groupArn && target.agents && reader) {
    try {
      const plan = await readAgentPlan(ports.connect(reader), target.instanceId, target.groupArn, target.agents);
      const problems = agentProblems(plan);
      emit({ region: reader, name: "agents in the group", status: problems ? "fail" : "pass", detail: problems ?? `${plan.selected.length} agents associated with the group` });
    } catch (error) {
      failed(reader, "agents in the group", error);
    }
  }

  if (target.groupArn && target.expectedDistribution && reader) {
    try {
      const live = fromGetTrafficDistributionOutput(await ports.connect(reader).send(new GetTrafficDistributionCommand({ Id: target.groupArn })));
      const ok = sameDistribution(live, target.expectedDistribution) && !isSplit(live);
      emit({ region: "global", name: "distribution as expected", status: ok ? "pass" : "fail", detail: ok ? describeDistribution(live) : `found ${describeDistribution(live)}; expected ${describeDistribution(target.expectedDistribution)}` });
    } catch (error) {
      failed("global", "distribution as expected", error);
    }
  }

  for (const region of up) {
    if (!ports.metricAnomalies) {
      emit({ region, name: "metrics without anomalies", status: "skip", detail: ports.skipReasons?.metricAnomalies ?? "no CloudWatch access configured" });
    } else {
      const anomalies = await ports.metricAnomalies(region);
      emit({ region, name: "metrics without anomalies", status: anomalies.length ? "warn" : "pass", detail: anomalies.length ? anomalies.join("; ") : "no anomalies" });
    }
  }

  const probe = async (region: string, name: string, items: readonly string[], run?: (item: string) => Promise<ProbeResult>) => {
    if (items.length === 0) return;
    if (!run) {
      emit({ region, name, status: "skip", detail: "no access configured" });
      return;
    }
    const results = await Promise.all(items.map(async (item) => ({ item, result: await run(item).catch((error: Error): ProbeResult => ({ healthy: false, detail: `${error.name}: ${error.message}` })) })));
    const bad = results.filter((r) => !r.result.healthy);
    emit({
      region,
      name,
      status: bad.length ? "fail" : "pass",
      detail: (bad.length ? bad : results).map((r) => `${r.item}: ${r.result.detail}`).join("; "),
    });
  };
  for (const region of up) {
    await probe(region, "health-check functions answer", target.healthCheckFunctions ?? [], ports.invokeHealthCheck && ((fn) => ports.invokeHealthCheck!(region, fn)));
    await probe(region, "SIP endpoints healthy", target.sipHealthCheckIds?.[region] ?? [], ports.route53HealthCheck);
  }

  if (target.syntheticFlowName) {
    for (const region of up) {
      const client = ports.connect(region);
      try {
        const flows = (await collect(paginateListContactFlows({ client }, { InstanceId: target.instanceId }))).flatMap((p) => p.ContactFlowSummaryList ?? []);
        const flow = flows.find((f) => f.Name === target.syntheticFlowName);
        if (!flow) {
          emit({ region, name: "synthetic chat", status: "fail", detail: `no flow named ${target.syntheticFlowName}` });
          continue;
        }
        const started = await client.send(
          new StartChatContactCommand({ InstanceId: target.instanceId, ContactFlowId: flow.Id, ParticipantDetails: { DisplayName: "connect-dr validate" }, Attributes: { "connect-dr:synthetic": "true" } }),
        );
        emit({ region, name: "synthetic chat", status: started.ContactId ? "pass" : "fail", detail: started.ContactId ? `contact ${started.ContactId} started in ${target.syntheticFlowName}` : "no contact id returned" });
      } catch (error) {
        failed(region, "synthetic chat", error);
      }
    }
  }
  return checks;
}

/** True when no check failed (warnings and skips do not fail validation). */
export function validationPassed(checks: readonly Check[]): boolean {
  return checks.every((c) => c.status !== "fail");
}
