import { expect } from "chai";
import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import * as aws from "@pulumi/aws";
import { QueryCommand } from "@aws-sdk/client-dynamodb";
import { GetTrafficDistributionCommand } from "@aws-sdk/client-connect";
import { main } from "../../../cli/index";
import type { CliIo } from "../../../cli/io";
import { FailoverAutomation } from "../../../components/resiliency/failover-automation";
import { PeerProbe } from "../../../components/resiliency/peer-probe";
import { bundleHandler, FAILOVER_HANDLER_ENTRY, PEER_PROBE_HANDLER_ENTRY } from "../../../handlers/bundle";
import { alarmStates, type AlarmState, type DataPoint } from "../../../components/resiliency/alarm-evaluation";
import { fromGetTrafficDistributionOutput } from "../../../components/resiliency/traffic-distribution";
import { replicatedCentre, type ReplicatedCentre } from "../../../tools/simulator/scenarios";
import { MockCloud, settle } from "../../../tools/synthesis/mock-cloud";
import { startAwsStub, type AwsStub } from "../../support/aws-stub";
import { loadBundledHandler } from "../../support/bundled-handler";
import { startDynalite, type LocalDynamo } from "../../support/dynalite";
import { matchesEventPattern } from "../../support/event-pattern";
import type { Simulator } from "../../../tools/simulator";
import { startTestSimulator, useSimulatorCredentials, WORKLOAD_ACCOUNT } from "../../support/simulator";
import { auditModelTraffic } from "../../support/model-audit";

/**
 * "A Region goes dark", end to end. us-east-1 (the primary) stops answering: its Connect API answers
 * 500 on the shared endpoint and refuses connections on its own, its SIP endpoint refuses connections,
 * its CloudWatch answers 500. In us-west-2 the peer probe and the failover handler run AS BUNDLED for
 * deployment (the esbuild output, loaded as Lambda loads it), with the environment the PeerProbe and
 * FailoverAutomation components give them; the lock is a real DynamoDB-compatible server (dynalite).
 * CloudWatch has no local server: the liveness alarm is evaluated from the published data points by
 * CloudWatch's documented rules (components/resiliency/alarm-evaluation.ts, table-tested against AWS's examples),
 * with the settings the component declares, and its state change reaches the handler when the rule's
 * deployed event pattern matches, as EventBridge would deliver it.
 */
describe("A Region goes dark: detected from the surviving Region, calls and agents moved there, and back after recovery", function () {
  auditModelTraffic();
  this.timeout(60_000);
  // One simulator for the whole story (the steps build on each other; no reset between them).
  const suite = {} as { simulator: Simulator };
  let restoreCredentials = () => {};
  const ROOT = join(__dirname, "../../..");
  const HERE = "us-west-2";
  const PEER = "us-east-1";
  const LOCK_TABLE = "acme-dr-lock";
  let dynamo: LocalDynamo;
  let stub: AwsStub;
  let centre: ReplicatedCentre;
  let sip: Record<string, { server: Server; port: number }>;
  let probe: (event: unknown) => Promise<{ alive: boolean }>;
  let failover: (event: unknown) => Promise<{ action: string; toRegion?: string; detail: string }>;
  let alarm: { name: string; evaluationPeriods: number; datapointsToAlarm: number; treatMissingData: string; pattern: unknown };

  const listen = (server: Server, port = 0) => new Promise<number>((ok) => server.listen(port, "127.0.0.1", () => ok((server.address() as AddressInfo).port)));
  const sipDown = (region: string) => new Promise<void>((ok) => sip[region]!.server.close(() => ok()));
  const sipUp = async (region: string) => void (await listen(sip[region]!.server, sip[region]!.port));

  before(async () => {
    suite.simulator = await startTestSimulator();
    restoreCredentials = useSimulatorCredentials();
    dynamo = await startDynalite();
    await dynamo.createTable(LOCK_TABLE);
    stub = await startAwsStub();
    sip = {};
    for (const region of [PEER, HERE]) {
      const server = createServer((socket) => socket.end());
      sip[region] = { server, port: await listen(server) };
    }
  });
  after(async () => {
    await Promise.all(Object.values(sip).map((s) => new Promise<void>((ok) => (s.server.listening ? s.server.close(() => ok()) : ok()))));
    await stub.close();
    await dynamo.close();
    centre?.close();
    restoreCredentials();
    await suite.simulator.close();
  });

  /** What the components deploy in us-west-2: the handlers' environments, the alarm and its trigger. */
  async function deployedInHere(groupArn: string, instanceId: string) {
    const cloud = new MockCloud({ stack: "secondary" }).install();
    const provider = new aws.Provider(`workload-${HERE}`, { region: HERE });
    const automation = new FailoverAutomation(
      `failover-${HERE}`,
      {
        region: HERE,
        pair: [PEER, HERE],
        accountId: WORKLOAD_ACCOUNT,
        trafficDistributionGroupArn: groupArn,
        healthSignalAlarmNames: ["acme-connect-throttled-calls"],
        lockTableName: LOCK_TABLE,
        lockTableArn: `arn:aws:dynamodb:${HERE}:${WORKLOAD_ACCOUNT}:table/${LOCK_TABLE}`,
        lockTableKmsKeyArn: `arn:aws:kms:${HERE}:${WORKLOAD_ACCOUNT}:key/lock`,
      },
      { provider },
    );
    new PeerProbe(
      `peer-probe-${HERE}`,
      {
        region: HERE,
        pair: [PEER, HERE],
        accountId: WORKLOAD_ACCOUNT,
        instanceId,
        sipEndpoints: [{ name: "carrier-a", host: "127.0.0.1", port: sip[PEER]!.port }],
        timeoutMs: 1000,
        failoverFunctionArn: automation.functionArn,
        failoverFunctionName: automation.functionName,
        kmsKeyArn: automation.kmsKeyArn,
      },
      { provider },
    );
    await settle();
    const inputs = cloud.named(`peer-probe-${HERE}-alarm`).inputs;
    return {
      failoverEnv: cloud.named(`failover-${HERE}-function`).inputs.environment.variables as Record<string, string>,
      probeEnv: cloud.named(`peer-probe-${HERE}-function`).inputs.environment.variables as Record<string, string>,
      alarm: { name: inputs.name, evaluationPeriods: inputs.evaluationPeriods, datapointsToAlarm: inputs.datapointsToAlarm, treatMissingData: inputs.treatMissingData, pattern: JSON.parse(cloud.named(`peer-probe-${HERE}-trigger-rule`).inputs.eventPattern) },
    };
  }

  before(async () => {
    centre = await replicatedCentre(suite.simulator);
    const deployed = await deployedInHere(centre.groupArn, centre.instanceId);
    alarm = deployed.alarm;
    const aws = { AWS_REGION: HERE, AWS_ACCESS_KEY_ID: "AKIDWORKLOAD", AWS_SECRET_ACCESS_KEY: "local", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };
    probe = loadBundledHandler(bundleHandler(PEER_PROBE_HANDLER_ENTRY), {
      ...deployed.probeEnv,
      ...aws,
      AWS_ENDPOINT_URL_CLOUDWATCH: stub.endpoint,
      // The peer's Region endpoint (connect.us-east-1...): it refuses connections while the Region is dark.
      PEER_CONNECT_ENDPOINT: await suite.simulator.regionEndpoint(PEER),
    });
    failover = loadBundledHandler(bundleHandler(FAILOVER_HANDLER_ENTRY), {
      ...deployed.failoverEnv,
      ...aws,
      AWS_ENDPOINT_URL_CONNECT: suite.simulator.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_CLOUDWATCH: stub.endpoint,
      AWS_ENDPOINT_URL_SNS: stub.endpoint,
    });
    // The survivor's own health composite alarm is OK: the handler moves traffic only into a healthy Region.
    stub.setAlarmState(HERE, `connect-dr-${HERE}-health`, "OK");
  });

  // The liveness alarm over time: one data point a minute (the probe's PeerAlive, Minimum), evaluated
  // as CloudWatch does after each period; every state change is an EventBridge event in us-west-2.
  const series: DataPoint[] = [];
  let state: AlarmState = "INSUFFICIENT_DATA";
  const delivered: { previous: AlarmState; state: AlarmState; outcome?: { action: string; detail: string } }[] = [];
  async function minute(probeRuns = true): Promise<AlarmState> {
    const before = stub.metrics.length;
    if (probeRuns) await probe({});
    const alive = stub.metrics.slice(before).filter((m) => m.region === HERE && m.namespace === "ConnectDR/PeerProbe" && m.metricName === "PeerAlive" && m.dimensions.PeerRegion === PEER);
    series.push(alive.length === 0 ? "missing" : Math.min(...alive.map((m) => m.value)) < 1 ? "breaching" : "ok");
    const settings = { evaluationPeriods: alarm.evaluationPeriods, datapointsToAlarm: alarm.datapointsToAlarm, treatMissingData: alarm.treatMissingData as "breaching" };
    const next = alarmStates(series, settings, alarm.evaluationPeriods + 2, "INSUFFICIENT_DATA").at(-1)!;
    if (next !== state) {
      const event = {
        version: "0",
        id: `evt-${series.length}`,
        source: "aws.cloudwatch",
        "detail-type": "CloudWatch Alarm State Change",
        account: WORKLOAD_ACCOUNT,
        region: HERE,
        detail: { alarmName: alarm.name, state: { value: next }, previousState: { value: state } },
      };
      delivered.push({ previous: state, state: next, ...(matchesEventPattern(alarm.pattern, event) ? { outcome: await failover(event) } : {}) });
    }
    state = next;
    return state;
  }
  const distribution = async () => fromGetTrafficDistributionOutput(await centre.clients[HERE].send(new GetTrafficDistributionCommand({ Id: centre.groupArn })));
  const shifts = () => suite.simulator.counters().UpdateTrafficDistribution?.succeeded ?? 0;
  const darken = async () => {
    await suite.simulator.darkenRegion(PEER);
    await sipDown(PEER);
    stub.setDark(PEER, true);
  };
  const recover = async () => {
    await suite.simulator.restoreRegion(PEER);
    await sipUp(PEER);
    stub.setDark(PEER, false);
  };
  async function cli(args: string[]) {
    let stdout = "";
    let stderr = "";
    const io: CliIo = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: process.env, cwd: ROOT };
    const code = await main([...args, "--instance-arn", centre.instanceArn, "--endpoint-url", suite.simulator.endpoint, "--rate", "100", "--burst", "100", "--no-progress"], io);
    return { code, stdout, stderr };
  }

  it("while both Regions answer, the probe reports the peer alive; the new alarm's first INSUFFICIENT_DATA -> ALARM moves nothing", async () => {
    for (let i = 0; i < 5; i++) await minute();
    expect(series).to.deep.equal(["ok", "ok", "ok", "ok", "ok"]);
    expect(state).to.equal("OK");
    // A new alarm evaluates the probes it does not have yet as breaching; its trigger waits for OK -> ALARM.
    expect(delivered.map((d) => [d.previous, d.state, d.outcome?.action])).to.deep.equal([["INSUFFICIENT_DATA", "ALARM", undefined], ["ALARM", "OK", undefined]]);
    expect(shifts()).to.equal(0);
    expect(suite.simulator.routeCall(centre.phoneNumber)).to.include({ region: PEER, answered: true });
  });

  it("us-east-1 goes dark: calls fail; us-west-2's probe fails three times and the liveness alarm goes to ALARM at the third", async () => {
    await darken();
    expect(suite.simulator.routeCall(centre.phoneNumber)).to.deep.include({ region: PEER, answered: false, detail: `${PEER} is not answering (outage)` });
    const before = stub.metrics.length;
    expect([await minute(), await minute()]).to.deep.equal(["OK", "OK"]);
    const published = stub.metrics.slice(before).filter((m) => m.metricName !== "PeerAlive").map((m) => [m.metricName, m.value, m.region]);
    expect(published).to.deep.equal([["ConnectApiReachable", 0, HERE], ["SipEndpointsReachable", 0, HERE], ["ConnectApiReachable", 0, HERE], ["SipEndpointsReachable", 0, HERE]]);
    const unrelated = stub.requests.length;
    const serverErrors = Object.values(suite.simulator.counters()).reduce((sum, c) => sum + c.serverErrors, 0);
    expect(await minute()).to.equal("ALARM");
    // The handler needed nothing from us-east-1: no CloudWatch or SNS call there, no Connect call that
    // the dark Region answered with a 500 (the probe's own calls go to the Region endpoint, which refuses).
    expect(stub.requests.slice(unrelated).filter((r) => r.endsWith(PEER))).to.deep.equal([]);
    expect(Object.values(suite.simulator.counters()).reduce((sum, c) => sum + c.serverErrors, 0)).to.equal(serverErrors);
    expect(delivered.at(-1)).to.deep.include({ previous: "OK", state: "ALARM" });
    expect(delivered.at(-1)!.outcome).to.deep.include({ action: "shifted", toRegion: HERE });
  });

  it("the handler moved telephony, agents and sign-in to us-west-2; calls to the group's number land there", async () => {
    const live = await distribution();
    expect(live.telephony).to.deep.equal([{ region: HERE, percentage: 100 }, { region: PEER, percentage: 0 }]);
    expect(live.agents).to.deep.equal([{ region: HERE, percentage: 100 }, { region: PEER, percentage: 0 }]);
    expect(live.signIn?.find((s) => s.region === HERE)).to.deep.equal({ region: HERE, enabled: true });
    expect(suite.simulator.routeCall(centre.phoneNumber)).to.include({ phoneNumber: centre.phoneNumber, region: HERE, answered: true, detail: `answered in ${HERE} by flow Main inbound` });
    // Notified and audited in us-west-2.
    expect(stub.published.map((p) => [p.region, p.subject])).to.deep.equal([[HERE, `connect-dr: traffic moved to ${HERE}`]]);
    const audit = await dynamo.client.send(new QueryCommand({ TableName: LOCK_TABLE, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": { S: `audit#${centre.groupArn}` } } }));
    expect(audit.Items!.map((i) => i.action!.S)).to.deep.equal(["shifted"]);
  });

  it("connect-dr validate passes in us-west-2, with us-east-1 skipped as down", async () => {
    const result = await cli(["validate", "--skip-region", PEER, "--expect-active", HERE, "--agent-routing-profile", "Basic Routing Profile", "--no-lambda-check", "--no-metrics-check", "--json"]);
    const out = JSON.parse(result.stdout);
    expect(out.checks.filter((c: { status: string }) => c.status === "fail")).to.deep.equal([]);
    expect(result.code).to.equal(0);
    expect(out.checks.map((c: { region: string; name: string; status: string }) => `${c.region} ${c.name} ${c.status}`)).to.include.members([
      `${PEER} Region checks skip`,
      `${HERE} phone numbers in the group with flows pass`,
      `${HERE} agents in the group pass`,
      "global distribution as expected pass",
    ]);
  });

  it("a flapping peer inside the cooldown moves nothing twice", async () => {
    const moved = shifts();
    // us-east-1 answers for three minutes: the alarm returns to OK.
    await recover();
    for (let i = 0; i < 3; i++) await minute();
    expect(state).to.equal("OK");
    // ...and goes dark again: OK -> ALARM again, a new event; the traffic is already in us-west-2.
    await darken();
    for (let i = 0; i < 3; i++) await minute();
    expect(state).to.equal("ALARM");
    expect(delivered.at(-1)!.outcome).to.deep.include({ action: "already-in-place" });
    // EventBridge retries a delivery it thinks failed: the same event again changes nothing either.
    expect(await failover({ id: "evt-retry", region: HERE, "detail-type": "CloudWatch Alarm State Change", detail: { alarmName: alarm.name, state: { value: "ALARM" } } })).to.deep.include({ action: "already-in-place" });
    expect(shifts()).to.equal(moved);
  });

  it("after recovery, the operator fails back; calls return to us-east-1, and a flap inside the failback's cooldown moves nothing", async () => {
    await recover();
    for (let i = 0; i < 3; i++) await minute();
    expect(state).to.equal("OK");
    expect(delivered.at(-1)).to.deep.equal({ previous: "ALARM", state: "OK" });
    const result = await cli(["failback", "--lock-table", LOCK_TABLE, "--dynamodb-endpoint-url", dynamo.endpoint, "--yes", "--json"]);
    expect(result.code, result.stderr).to.equal(0);
    expect(JSON.parse(result.stdout)).to.include({ command: "failback", outcome: "shifted", toRegion: PEER });
    expect((await distribution()).telephony).to.deep.equal([{ region: PEER, percentage: 100 }, { region: HERE, percentage: 0 }]);
    expect(suite.simulator.routeCall(centre.phoneNumber)).to.include({ region: PEER, answered: true });
    const moved = shifts();
    // us-east-1 flaps within the failback's 300 s cooldown: the automation leaves the traffic alone.
    await darken();
    for (let i = 0; i < 3; i++) await minute();
    expect(delivered.at(-1)!.outcome).to.deep.include({ action: "locked" });
    expect(shifts()).to.equal(moved);
    await recover();
  });
});
