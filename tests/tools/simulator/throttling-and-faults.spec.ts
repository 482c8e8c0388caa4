import { expect } from "chai";
import {
  ConnectClient,
  DescribeInstanceCommand,
  InternalServiceException,
  ListQueuesCommand,
  ThrottlingException,
} from "@aws-sdk/client-connect";
import type { Simulator } from "../../../tools/simulator";
import { QuotaEnforcer } from "../../../tools/simulator/quotas";
import { ACCOUNT_B, clientFor, KEY_B, rejectionOf, startTestSimulator } from "./support";
import { auditModelTraffic } from "../../support/model-audit";

describe("simulator: quotas (token buckets per account, Region and API)", () => {
  // Simulator specs send invalid requests on purpose; every answer must still keep to the model.
  auditModelTraffic({ requests: false });
  let sim: Simulator;
  let instanceId: string;

  beforeEach(async () => {
    // Connect's documented default: 2 requests/s, burst 5.
    sim = await startTestSimulator({ quotas: { default: { ratePerSecond: 2, burst: 5 } } });
    instanceId = sim.seed({ region: "us-east-1", instance: { alias: "quota" } }).instanceId;
  });
  afterEach(() => sim.close());

  it("serves the burst of 5, then answers ThrottlingException 429 (maxAttempts 1 surfaces it)", async () => {
    const client = clientFor(sim, "us-east-1", undefined, 1);
    for (let i = 0; i < 5; i++) await client.send(new ListQueuesCommand({ InstanceId: instanceId }));
    const error = await rejectionOf(client.send(new ListQueuesCommand({ InstanceId: instanceId })));
    expect(error).to.be.instanceOf(ThrottlingException);
    expect(error.$metadata?.httpStatusCode).to.equal(429);
    expect(error.message).to.equal("Rate exceeded");
    expect(sim.counters()["ListQueues"]).to.deep.equal({ requests: 6, succeeded: 5, clientErrors: 0, throttled: 1, serverErrors: 0, dropped: 0 });
  });

  it("keeps separate buckets per API, per Region and per account", async () => {
    const client = clientFor(sim, "us-east-1", undefined, 1);
    for (let i = 0; i < 5; i++) await client.send(new ListQueuesCommand({ InstanceId: instanceId }));
    await client.send(new DescribeInstanceCommand({ InstanceId: instanceId }));
    const other = sim.seed({ account: ACCOUNT_B, region: "us-east-1", instance: { alias: "quota-b" } }).instanceId;
    await clientFor(sim, "us-east-1", KEY_B, 1).send(new ListQueuesCommand({ InstanceId: other }));
    const west = await rejectionOf(clientFor(sim, "us-west-2", undefined, 1).send(new ListQueuesCommand({ InstanceId: instanceId })));
    // The bucket in us-west-2 is fresh, so the call gets through to the handler, which finds no instance there.
    expect(west.name).to.equal("ResourceNotFoundException");
  });

  it("lets the SDK's retry succeed once the bucket refills", async () => {
    const client = clientFor(sim, "us-east-1", undefined, 4);
    for (let i = 0; i < 5; i++) await client.send(new ListQueuesCommand({ InstanceId: instanceId }));
    const out = await client.send(new ListQueuesCommand({ InstanceId: instanceId }));
    expect(out.$metadata.attempts).to.be.greaterThan(1);
    expect(sim.counters()["ListQueues"]!.throttled).to.be.greaterThanOrEqual(1);
    expect(sim.counters()["ListQueues"]!.succeeded).to.equal(6);
  });

  it("scales quotas at run time, per API and globally", async () => {
    const client = clientFor(sim, "us-east-1", undefined, 1);
    sim.setQuota({ perOperation: { ListQueues: { ratePerSecond: 1, burst: 1 } } });
    await client.send(new ListQueuesCommand({ InstanceId: instanceId }));
    expect(await rejectionOf(client.send(new ListQueuesCommand({ InstanceId: instanceId })))).to.be.instanceOf(ThrottlingException);
    sim.setQuota({ default: { ratePerSecond: 50, burst: 50 } });
    for (let i = 0; i < 20; i++) await client.send(new DescribeInstanceCommand({ InstanceId: instanceId }));
    expect(sim.counters()["DescribeInstance"]!.throttled).to.equal(0);
  });
});

describe("simulator: fault injection", () => {
  // Simulator specs send invalid requests on purpose; every answer must still keep to the model.
  auditModelTraffic({ requests: false });
  let sim: Simulator;
  let instanceId: string;

  beforeEach(async () => {
    sim = await startTestSimulator({ faultSeed: 7 });
    instanceId = sim.seed({ region: "us-east-1", instance: { alias: "faults" } }).instanceId;
  });
  afterEach(() => sim.close());

  it("answers InternalServiceException 500 for the configured fraction", async () => {
    sim.setFaults({ errorRate: 1 });
    const error = await rejectionOf(clientFor(sim, "us-east-1", undefined, 1).send(new ListQueuesCommand({ InstanceId: instanceId })));
    expect(error).to.be.instanceOf(InternalServiceException);
    expect(error.$metadata?.httpStatusCode).to.equal(500);
  });

  it("injects about the configured fraction, and the SDK retries 5xx to success", async () => {
    sim.setFaults({ errorRate: 0.3 });
    const client: ConnectClient = clientFor(sim, "us-east-1", undefined, 10);
    for (let i = 0; i < 20; i++) await client.send(new ListQueuesCommand({ InstanceId: instanceId }));
    const c = sim.counters()["ListQueues"]!;
    expect(c.succeeded).to.equal(20);
    expect(c.serverErrors).to.be.within(2, 18);
    expect(c.requests).to.equal(c.succeeded + c.serverErrors);
  });

  it("applies faults configured at start", async () => {
    const faulty = await startTestSimulator({ faults: { errorRate: 1, operations: ["ListInstances"] } });
    try {
      const { ListInstancesCommand } = await import("@aws-sdk/client-connect");
      expect(await rejectionOf(clientFor(faulty).send(new ListInstancesCommand({})))).to.be.instanceOf(InternalServiceException);
    } finally {
      await faulty.close();
    }
  });

  it("adds latency", async () => {
    sim.setFaults({ latencyMs: 200 });
    const started = Date.now();
    await clientFor(sim).send(new ListQueuesCommand({ InstanceId: instanceId }));
    expect(Date.now() - started).to.be.greaterThanOrEqual(190);
  });

  it("drops connections; maxAttempts 1 surfaces the network error, retries recover", async () => {
    sim.setFaults({ dropRate: 1 });
    const error = await rejectionOf(clientFor(sim, "us-east-1", undefined, 1).send(new ListQueuesCommand({ InstanceId: instanceId })));
    expect(error.name).to.not.match(/Exception$/);
    expect(String((error as { code?: string }).code ?? error.message)).to.match(/ECONNRESET|socket hang up/);
    expect(sim.counters()["ListQueues"]!.dropped).to.equal(1);
    sim.setFaults({ dropRate: 0.5, operations: ["ListQueues"] });
    const out = await clientFor(sim, "us-east-1", undefined, 10).send(new ListQueuesCommand({ InstanceId: instanceId }));
    expect(out.QueueSummaryList).to.have.length(1);
  });

  it("loses responses after processing: the change is applied, and ClientToken makes the retry safe", async () => {
    const { CreateInstanceCommand, ListInstancesCommand } = await import("@aws-sdk/client-connect");
    sim.setFaults({ lostResponseRate: 1, operations: ["CreateInstance"] });
    const input = { IdentityManagementType: "SAML" as const, InstanceAlias: "lost-response", InboundCallsEnabled: true, OutboundCallsEnabled: true, ClientToken: "lost-1" };
    const error = await rejectionOf(clientFor(sim, "us-east-1", undefined, 1).send(new CreateInstanceCommand(input)));
    expect(String((error as { code?: string }).code ?? error.message)).to.match(/ECONNRESET|socket hang up/);
    sim.setFaults({});
    const retried = await clientFor(sim).send(new CreateInstanceCommand(input));
    const aliases = (await clientFor(sim).send(new ListInstancesCommand({}))).InstanceSummaryList!.map((i) => [i.Id, i.InstanceAlias]);
    expect(aliases).to.deep.include([retried.Id, "lost-response"]);
    expect(aliases.filter(([, alias]) => alias === "lost-response")).to.have.length(1);
    expect(sim.counters()["CreateInstance"]).to.deep.include({ requests: 2, succeeded: 1, dropped: 1 });
  });

  it("is configured at run time through the admin endpoint, which also serves counters, state and reset", async () => {
    const put = await fetch(`${sim.endpoint}/__simulator/faults`, { method: "PUT", body: JSON.stringify({ errorRate: 1, operations: ["DescribeInstance"] }) });
    expect(await put.json()).to.deep.equal({ errorRate: 1, operations: ["DescribeInstance"] });
    const client = clientFor(sim, "us-east-1", undefined, 1);
    expect(await rejectionOf(client.send(new DescribeInstanceCommand({ InstanceId: instanceId })))).to.be.instanceOf(InternalServiceException);
    await client.send(new ListQueuesCommand({ InstanceId: instanceId }));
    const counters = (await (await fetch(`${sim.endpoint}/__simulator/counters`)).json()) as Record<string, { serverErrors: number; succeeded: number }>;
    expect(counters["DescribeInstance"]!.serverErrors).to.equal(1);
    expect(counters["ListQueues"]!.succeeded).to.equal(1);
    const quotas = await fetch(`${sim.endpoint}/__simulator/quotas`, { method: "PUT", body: JSON.stringify({ perOperation: { ListQueues: { ratePerSecond: 3, burst: 3 } } }) });
    expect(((await quotas.json()) as { perOperation: unknown }).perOperation).to.deep.equal({ ListQueues: { ratePerSecond: 3, burst: 3 } });
    const state = (await (await fetch(`${sim.endpoint}/__simulator/state`)).json()) as Record<string, Record<string, { instances: Record<string, { alias: string }> }>>;
    expect(Object.values(state["111111111111"]!["us-east-1"]!.instances).map((i) => i.alias)).to.deep.equal(["faults"]);
    const seed = await fetch(`${sim.endpoint}/__simulator/seed`, { method: "POST", body: JSON.stringify({ region: "us-west-2", instance: { alias: "seeded-over-http" }, queues: [{ name: "Remote" }] }) });
    const seeded = (await seed.json()) as { instanceId: string; ids: { queues: Record<string, string> } };
    expect(Object.keys(seeded.ids.queues)).to.deep.equal(["Remote"]);
    const west = await clientFor(sim, "us-west-2").send(new ListQueuesCommand({ InstanceId: seeded.instanceId, QueueTypes: ["STANDARD"] }));
    expect(west.QueueSummaryList!.map((q) => q.Name)).to.deep.equal(["BasicQueue", "Remote"]);
    await fetch(`${sim.endpoint}/__simulator/reset`, { method: "POST" });
    expect(sim.counters()).to.deep.equal({});
    expect(sim.state.all()).to.deep.equal([]);
    const bad = await fetch(`${sim.endpoint}/__simulator/faults`, { method: "PUT", body: JSON.stringify({ errorRate: 2 }) });
    expect(bad.status).to.equal(400);
  });
});

describe("quota defaults (pure)", () => {
  it("uses Connect's documented rates until a default is set", () => {
    let now = 0;
    const quotas = new QuotaEnforcer({}, () => now);
    expect(quotas.limitFor("ListQueues")).to.deep.equal({ ratePerSecond: 2, burst: 5 });
    expect(quotas.limitFor("GetCurrentMetricData")).to.deep.equal({ ratePerSecond: 5, burst: 8 });
    const granted = Array.from({ length: 6 }, () => quotas.tryAcquire("a", "r", "ListQueues"));
    expect(granted).to.deep.equal([true, true, true, true, true, false]);
    now = 500; // half a second refills one token at 2 rps
    expect([quotas.tryAcquire("a", "r", "ListQueues"), quotas.tryAcquire("a", "r", "ListQueues")]).to.deep.equal([true, false]);
    quotas.configure({ default: { ratePerSecond: 50, burst: 50 } });
    expect(quotas.limitFor("GetCurrentMetricData")).to.deep.equal({ ratePerSecond: 50, burst: 50 });
  });
});
