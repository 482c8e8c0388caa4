import { expect } from "chai";
import type * as pulumi from "@pulumi/pulumi";
import { resourcesBehind, type MockCloud } from "../../tools/synthesis/mock-cloud";
import type { Registration } from "../../tools/synthesis/registrations";
import { PRIMARY_STACK_OUTPUTS, awsResources, providerInputs, synthesize } from "./synthesize";

const WORKLOAD = "111122223333";
const NETWORK = "444455556666";
const VAULT = "777788889999";

describe("program: the secondary stack from Pulumi.secondary.yaml", function () {
  let cloud: MockCloud;
  let outputs: Record<string, unknown>;
  let registrations: readonly Registration[];
  before(async () => ({ cloud, outputs, registrations } = await synthesize("secondary")));

  it("creates exactly one provider per (account, Region) it needs", () => {
    expect(cloud.ofType("pulumi:providers:aws").map((p) => p.name)).to.deep.equal(["workload-us-west-2", "workload-us-east-1", "backup-vault-us-east-1", "network-us-west-2", "network-us-east-1"]);
    expect(providerInputs(cloud.named("network-us-east-1"))).to.deep.equal({
      region: "us-east-1",
      assumeRoles: [{ roleArn: `arn:aws:iam::${NETWORK}:role/ConnectDrDeployer`, sessionName: "connect-dr-secondary-network" }],
      allowedAccountIds: [NETWORK],
      defaultTags: { tags: { CostCentre: "CC-4102", Owner: "contact-centre-platform", Environment: "production", "connect-dr:stack": "secondary", "connect-dr:account": "network" } },
    });
  });

  it("puts no AWS resource on the default provider", () => {
    const resources = awsResources(cloud);
    expect(resources.length).to.be.greaterThan(40);
    expect(resources.filter((r) => r.providerName === undefined).map((r) => r.name)).to.deep.equal([]);
  });

  it("replicates the primary's instance through ACGR with the workload account's role", () => {
    const replica = cloud.named("connect-replica");
    expect(replica.type).to.equal("pulumi-nodejs:dynamic/acgr:InstanceReplica");
    expect(replica.inputs).to.deep.include({
      sourceInstanceArn: PRIMARY_STACK_OUTPUTS.connectInstanceArn,
      replicaRegion: "us-west-2",
      replicaAlias: "example-corp-contact-west",
    });
    expect(replica.inputs.connection.roleArn).to.equal(`arn:aws:iam::${WORKLOAD}:role/ConnectDrDeployer`);
    const traffic = cloud.named("traffic");
    expect(traffic.inputs).to.deep.include({ instanceArn: PRIMARY_STACK_OUTPUTS.connectInstanceArn, replicaRegion: "us-west-2" });
    expect(traffic.inputs.connection.roleArn).to.equal(`arn:aws:iam::${WORKLOAD}:role/ConnectDrDeployer`);
  });

  it("attaches to the replica (same instance id) and creates nothing ACGR mirrors", () => {
    expect(cloud.resources.filter((r) => ["aws:connect/instance:Instance", "aws:connect/queue:Queue", "aws:connect/hoursOfOperation:HoursOfOperation", "aws:connect/routingProfile:RoutingProfile", "aws:connect/contactFlow:ContactFlow"].includes(r.type))).to.deep.equal([]);
    const storage = cloud.ofType("aws:connect/instanceStorageConfig:InstanceStorageConfig");
    expect(storage.map((r) => r.inputs.resourceType).sort()).to.deep.equal(["AGENT_EVENTS", "CALL_RECORDINGS", "CHAT_TRANSCRIPTS", "CONTACT_TRACE_RECORDS", "SCHEDULED_REPORTS"]);
    for (const r of storage) expect([r.inputs.instanceId, r.account, r.region]).to.deep.equal([PRIMARY_STACK_OUTPUTS.connectInstanceId, WORKLOAD, "us-west-2"]);
    // The flow functions through their auto-scaled alias, and the CRM lookup by its own ARN.
    expect(cloud.ofType("aws:connect/lambdaFunctionAssociation:LambdaFunctionAssociation").map((r) => r.inputs.functionArn).sort()).to.deep.equal([
      cloud.named("crm-salesforce-function").state.arn,
      `arn:aws:lambda:us-west-2:${WORKLOAD}:function:connect-dr-customer-lookup:live`,
      `arn:aws:lambda:us-west-2:${WORKLOAD}:function:connect-dr-queue-wait-time:live`,
    ].sort());
  });

  it("associates each auto-scaled function's live alias only once the aliases exist: the association's ARN is their output", async () => {
    const association = registrations.find((r) => r.name === "connect-lambda-connect-dr-customer-lookup")!;
    expect(await resourcesBehind(association.props.functionArn as pulumi.Output<unknown>)).to.deep.equal(["lambda-scaling-alias-connect-dr-customer-lookup", "lambda-scaling-alias-connect-dr-queue-wait-time"]);
  });

  it("lets operators assume the failover operator roles with MFA by default, or from their federated roles when connect-dr:failoverOperators names them", async () => {
    const trustOf = (c: MockCloud, region: string) => JSON.parse(c.named(`failover-${region}-operator-role`).inputs.assumeRolePolicy).Statement;
    expect(trustOf(cloud, "us-west-2").map((s: { Condition: object }) => Object.keys(s.Condition))).to.deep.equal([["Bool", "NumericLessThan"]]);
    const { cloud: federated } = await synthesize("secondary", (config) => {
      config["connect-dr:failoverOperators"] = JSON.stringify({ permissionSetNames: ["DrOperator"], samlRoleNames: ["federation/ContactCentreOperators"] });
    });
    for (const region of ["us-east-1", "us-west-2"]) {
      expect(trustOf(federated, region)).to.deep.equal([
        {
          Sid: "FederatedOperators",
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${WORKLOAD}:root` },
          Action: "sts:AssumeRole",
          Condition: {
            ArnLike: {
              "aws:PrincipalArn": [
                `arn:aws:iam::${WORKLOAD}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_DrOperator_*`,
                `arn:aws:iam::${WORKLOAD}:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_DrOperator_*`,
                `arn:aws:iam::${WORKLOAD}:role/federation/ContactCentreOperators`,
              ],
            },
          },
        },
      ]);
    }
  });

  const placement: [string, string, string][] = [
    ["connect-key", WORKLOAD, "us-west-2"],
    ["connect-flow-logs", WORKLOAD, "us-west-2"],
    ["recordings-source", WORKLOAD, "us-west-2"],
    ["recordings-source-key", WORKLOAD, "us-west-2"],
    ["recordings-destination", VAULT, "us-east-1"],
    ["recordings-destination-key", VAULT, "us-east-1"],
    ["network-vif", NETWORK, "us-west-2"],
    ["network-vpn", NETWORK, "us-west-2"],
    ["dns-record-us-east-1", NETWORK, "us-west-2"],
    ["dns-record-us-west-2", NETWORK, "us-west-2"],
    ["dns-health-us-east-1", NETWORK, "us-west-2"],
    ["dns-health-alarm-us-east-1", NETWORK, "us-east-1"],
    ["dns-health-alarm-us-west-2", NETWORK, "us-east-1"],
  ];
  for (const [name, account, region] of placement) {
    it(`places ${name} in account ${account}, ${region}`, () => {
      const r = cloud.named(name);
      expect([r.account, r.region]).to.deep.equal([account, region]);
    });
  }

  it("fails DNS over from the primary Region's endpoint to the secondary's", () => {
    const primary = cloud.named("dns-record-us-east-1").inputs;
    const secondary = cloud.named("dns-record-us-west-2").inputs;
    expect(primary).to.deep.include({ zoneId: "Z0123456789ABCDEFGHIJ", name: "contact.example.com", type: "CNAME", ttl: 60, records: ["agents-use1.example.com"] });
    expect(primary.failoverRoutingPolicies).to.deep.equal([{ type: "PRIMARY" }]);
    expect(secondary.records).to.deep.equal(["agents-usw2.example.com"]);
    expect(secondary.failoverRoutingPolicies).to.deep.equal([{ type: "SECONDARY" }]);
    expect(cloud.named("dns-health-us-west-2").inputs).to.deep.include({ fqdn: "agents-usw2.example.com", resourcePath: "/health", port: 443, requestInterval: 10, failureThreshold: 3 });
  });

  it("exports the replica, the traffic distribution group and DNS timing", () => {
    expect(outputs).to.include({
      role: "secondary",
      region: "us-west-2",
      connectInstanceId: PRIMARY_STACK_OUTPUTS.connectInstanceId,
      connectInstanceArn: `arn:aws:connect:us-west-2:${WORKLOAD}:instance/${PRIMARY_STACK_OUTPUTS.connectInstanceId}`,
      dnsRecordName: "contact.example.com",
      dnsWorstCaseFailoverSeconds: 90,
    });
    expect(Object.keys(outputs.dnsHealthCheckIds as object).sort()).to.deep.equal(["us-east-1", "us-west-2"]);
  });

  it("reads the primary stack named in config", async () => {
    const renamed = await synthesize(
      "secondary",
      (config) => (config["connect-dr:primaryStackName"] = "acme/connect-dr/prod-east"),
      { "acme/connect-dr/prod-east": PRIMARY_STACK_OUTPUTS },
    );
    expect(renamed.cloud.named("connect-replica").inputs.sourceInstanceArn).to.equal(PRIMARY_STACK_OUTPUTS.connectInstanceArn);
  });
});

describe("program: the failover automation, owned by the secondary stack, in both Regions", () => {
  let cloud: MockCloud;
  let outputs: Record<string, unknown>;
  let registrations: readonly Registration[];
  before(async () => ({ cloud, outputs, registrations } = await synthesize("secondary")));

  it("runs a failover handler in each Region of the pair, on the workload provider there", () => {
    // (The stack's other function, crm-salesforce-function, is the CRM lookup: see composed-components.spec.ts.)
    const functions = cloud
      .ofType("aws:lambda/function:Function")
      .filter((f) => f.name.startsWith("failover-"))
      .map((f) => [f.name, f.account, f.region, f.inputs.environment.variables.PAIR]);
    expect(functions).to.deep.equal([
      ["failover-us-east-1-function", WORKLOAD, "us-east-1", "us-east-1,us-west-2"],
      ["failover-us-west-2-function", WORKLOAD, "us-west-2", "us-east-1,us-west-2"],
    ]);
  });

  it("watches each Region's own Connect alarms (named from its instance alias) and its flow functions' Lambda alarms", () => {
    const roles = ["concurrent-calls", "throttled-calls", "contact-flow-errors", "contact-flow-fatal-errors", "call-recording-upload-errors"];
    const lambda = (region: string) => ["connect-dr-customer-lookup", "connect-dr-queue-wait-time"].flatMap((fn) => [`connect-dr-lambda-${fn}-throttles-${region}`, `connect-dr-lambda-${fn}-errors-${region}`]);
    const rule = (alias: string, region: string) => [...roles.map((r) => `${alias}-connect-${r}`), ...lambda(region)].map((n) => `ALARM("${n}")`).join(" OR ");
    // The primary Region's Lambda alarms come from the primary stack's lambdaAlarmNames output.
    expect(cloud.named("failover-us-east-1-health").inputs.alarmRule).to.equal(rule("example-corp-contact", "us-east-1"));
    expect(cloud.named("failover-us-west-2-health").inputs.alarmRule).to.equal(rule("example-corp-contact-west", "us-west-2"));
    for (const name of lambda("us-west-2")) expect(cloud.resources.filter((r) => r.inputs.name === name && r.type === "aws:cloudwatch/metricAlarm:MetricAlarm")).to.have.length(1);
  });

  it("shares one lock table: home in this Region, replica in the primary's, each handler on its own replica and key", () => {
    const table = cloud.named("dr-lock-table");
    expect(table).to.include({ account: WORKLOAD, region: "us-west-2" });
    expect(table.inputs.replicas.map((r: { regionName: string }) => r.regionName)).to.deep.equal(["us-east-1"]);
    const env = (region: string) => cloud.named(`failover-${region}-function`).inputs.environment.variables;
    expect(env("us-east-1").LOCK_TABLE).to.equal(env("us-west-2").LOCK_TABLE);
    const policy = (region: string) => JSON.parse(cloud.named(`failover-${region}-policy`).inputs.policy).Statement.find((s: { Sid: string }) => s.Sid === "LockAndAudit").Resource;
    expect(policy("us-east-1")).to.equal(`arn:aws:dynamodb:us-east-1:${WORKLOAD}:table/${env("us-east-1").LOCK_TABLE}`);
    expect(policy("us-west-2")).to.equal(`arn:aws:dynamodb:us-west-2:${WORKLOAD}:table/${env("us-west-2").LOCK_TABLE}`);
  });

  it("exports what operators pass to connect-dr failover", () => {
    expect(outputs.failoverLockTableName).to.equal("example-corp-contact-west-dr-lock");
    expect(Object.keys(outputs.failoverOperatorRoleArns as object)).to.deep.equal(["us-east-1", "us-west-2"]);
    expect(outputs.failoverHealthAlarmNames).to.deep.equal({ "us-east-1": "connect-dr-us-east-1-health", "us-west-2": "connect-dr-us-west-2-health" });
  });
});
