import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import type { MockCloud } from "../../tools/synthesis/mock-cloud";
import { PRIMARY_OUTPUTS } from "../../program/primary";
import { PRIMARY_STACK_OUTPUTS, PROJECT_DIR, awsResources, providerInputs, synthesize } from "./synthesize";

const WORKLOAD = "111122223333";
const NETWORK = "444455556666";
const VAULT = "777788889999";

describe("program: the primary stack from Pulumi.primary.yaml", function () {
  let cloud: MockCloud;
  let outputs: Record<string, unknown>;
  before(async () => ({ cloud, outputs } = await synthesize("primary")));

  it("creates exactly one provider per (account, Region) it needs, each locked to its account", () => {
    const providers = cloud.ofType("pulumi:providers:aws");
    expect(providers.map((p) => p.name)).to.deep.equal(["workload-us-east-1", "workload-us-west-2", "backup-vault-us-west-2", "network-us-east-1", "management-us-east-1"]);
    const workload = providerInputs(cloud.named("workload-us-east-1"));
    expect(workload).to.deep.equal({
      region: "us-east-1",
      assumeRoles: [{ roleArn: `arn:aws:iam::${WORKLOAD}:role/ConnectDrDeployer`, sessionName: "connect-dr-primary-workload" }],
      allowedAccountIds: [WORKLOAD],
      defaultTags: { tags: { CostCentre: "CC-4102", Owner: "contact-centre-platform", Environment: "production", "connect-dr:stack": "primary", "connect-dr:account": "workload" } },
    });
    const vault = providerInputs(cloud.named("backup-vault-us-west-2"));
    expect(vault.allowedAccountIds).to.deep.equal([VAULT]);
    expect(vault.assumeRoles).to.deep.equal([{ roleArn: `arn:aws:iam::${VAULT}:role/ConnectDrDeployer`, sessionName: "connect-dr-primary-backup-vault" }]);
  });

  it("puts no resource on the default provider, and only the organization's guardrails in the management account", () => {
    const resources = awsResources(cloud);
    expect(resources.length).to.be.greaterThan(50);
    expect(resources.filter((r) => r.providerName === undefined).map((r) => r.name)).to.deep.equal([]);
    expect(resources.filter((r) => r.account === "123456789012").map((r) => [r.type, r.name, r.region])).to.deep.equal([
      ["aws:organizations/policy:Policy", "guardrails-scp-1", "us-east-1"],
      ["aws:organizations/policyAttachment:PolicyAttachment", "guardrails-scp-1-ou-a1b2-c3d4e5f6", "us-east-1"],
    ]);
    expect(cloud.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"))).to.deep.equal([]);
  });

  it("attaches SCPs that allow exactly the two DR Regions and protect the DR roles this program creates", () => {
    const scp = cloud.named("guardrails-scp-1").inputs;
    expect(scp.type).to.equal("SERVICE_CONTROL_POLICY");
    expect(scp.content.length).to.be.at.most(5120);
    const statements = JSON.parse(scp.content).Statement as { Condition?: Record<string, Record<string, unknown>>; Resource?: unknown }[];
    const text = JSON.stringify(statements);
    expect(text).to.contain('"aws:RequestedRegion":["us-east-1","us-west-2"]');
    expect(text).to.contain("arn:aws:iam::*:role/ConnectDrBreakGlass");
    expect(text).to.contain("arn:aws:iam::*:role/recordings-replication-role-*");
    expect(text).to.contain("arn:aws:iam::*:role/connect-dr-failover-operator-*");
    expect(cloud.named("guardrails-scp-1-ou-a1b2-c3d4e5f6").inputs.targetId).to.equal("ou-a1b2-c3d4e5f6");
  });

  const placement: [string, string, string][] = [
    ["connect-instance", WORKLOAD, "us-east-1"],
    ["connect-key", WORKLOAD, "us-east-1"],
    ["recordings-source", WORKLOAD, "us-east-1"],
    ["recordings-source-key", WORKLOAD, "us-east-1"],
    ["recordings-destination", VAULT, "us-west-2"],
    ["recordings-destination-key", VAULT, "us-west-2"],
    ["recordings-destination-object-lock", VAULT, "us-west-2"],
    ["contacts-table", WORKLOAD, "us-east-1"],
    ["contacts-key-us-east-1", WORKLOAD, "us-east-1"],
    ["contacts-key-us-west-2", WORKLOAD, "us-west-2"],
    ["network-vif", NETWORK, "us-east-1"],
    ["network-vpn", NETWORK, "us-east-1"],
    ["network-customer-gateway", NETWORK, "us-east-1"],
  ];
  for (const [name, account, region] of placement) {
    it(`places ${name} in account ${account}, ${region}`, () => {
      const r = cloud.named(name);
      expect([r.account, r.region]).to.deep.equal([account, region]);
    });
  }

  it("keeps every Amazon Connect resource in the workload account in us-east-1", () => {
    const connect = cloud.resources.filter((r) => r.type.startsWith("aws:connect/"));
    expect(connect.length).to.be.greaterThan(10);
    for (const r of connect) expect([r.name, r.providerName]).to.deep.equal([r.name, "workload-us-east-1"]);
  });

  it("creates the instance with SAML and the configured alias, and the mirrored configuration from the stack file", () => {
    expect(cloud.named("connect-instance").inputs).to.deep.include({ instanceAlias: "example-corp-contact", identityManagementType: "SAML", inboundCallsEnabled: true, outboundCallsEnabled: true });
    expect(cloud.ofType("aws:connect/hoursOfOperation:HoursOfOperation").map((r) => r.inputs.name).sort()).to.deep.equal(["Business hours", "Support 24x7"]);
    expect(cloud.ofType("aws:connect/queue:Queue").map((r) => r.inputs.name).sort()).to.deep.equal(["Billing", "Sales", "Support"]);
    expect(cloud.ofType("aws:connect/routingProfile:RoutingProfile").map((r) => r.inputs.name).sort()).to.deep.equal(["Sales agents", "Support agents"]);
    expect(cloud.ofType("aws:connect/contactFlow:ContactFlow").map((r) => [r.inputs.name, r.inputs.type]).sort()).to.deep.equal([
      ["Main inbound", "CONTACT_FLOW"],
      ["Queue wait", "CUSTOMER_QUEUE"],
    ]);
  });

  it("wires queues to the hours the config names", () => {
    const support = cloud.ofType("aws:connect/queue:Queue").find((r) => r.inputs.name === "Support")!;
    const hours = cloud.ofType("aws:connect/hoursOfOperation:HoursOfOperation").find((r) => r.inputs.name === "Support 24x7")!;
    expect(support.inputs.hoursOfOperationId).to.equal(hours.state.hoursOfOperationId);
    expect(support.inputs.maxContacts).to.equal(100);
  });

  it("passes the sample flows' content, whose Lambda ARNs stay Region-neutral", () => {
    const flow = cloud.ofType("aws:connect/contactFlow:ContactFlow").find((r) => r.inputs.name === "Main inbound")!;
    const created = JSON.parse(flow.inputs.content);
    const file = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "program/flows/inbound-main.json"), "utf8"));
    expect(created.Actions.map((a: any) => a.Identifier)).to.deep.equal(file.Actions.map((a: any) => a.Identifier));
    const lambda = created.Actions.find((a: any) => a.Type === "InvokeLambdaFunction");
    expect(lambda.Parameters.LambdaFunctionARN).to.equal(`arn:aws:lambda:$.AwsRegion:${WORKLOAD}:function:connect-dr-customer-lookup:live`);
  });

  it("stores recordings under the replicated bucket's key and associates the configured Lambdas", () => {
    const recordings = cloud.named("connect-storage-call-recordings").inputs.storageConfig.s3Config;
    expect(recordings.bucketName).to.equal(cloud.named("recordings-source").state.bucket ?? cloud.named("recordings-source").state.id);
    expect(recordings.encryptionConfig.keyId).to.equal(cloud.named("recordings-source-key").state.arn);
    // The flow functions through their auto-scaled alias, and the CRM lookup by its own ARN.
    expect(cloud.ofType("aws:connect/lambdaFunctionAssociation:LambdaFunctionAssociation").map((r) => r.inputs.functionArn).sort()).to.deep.equal([
      cloud.named("crm-salesforce-function").state.arn,
      `arn:aws:lambda:us-east-1:${WORKLOAD}:function:connect-dr-customer-lookup:live`,
      `arn:aws:lambda:us-east-1:${WORKLOAD}:function:connect-dr-queue-wait-time:live`,
    ].sort());
  });

  it("locks the replicas as configured and rotates every KMS key", () => {
    for (const vault of ["recordings", "contact-records"]) {
      const lock = cloud.named(`${vault}-destination-object-lock`).inputs;
      expect(lock.rule.defaultRetention).to.deep.include({ mode: "COMPLIANCE", days: 365 });
    }
    const keys = cloud.ofType("aws:kms/key:Key");
    // The seven of the workload and vault accounts, the contact-records archive's two (source and vault),
    // and the VPC flow-log key in the network account.
    expect(keys.length).to.equal(10);
    for (const key of keys) expect([key.name, key.inputs.enableKeyRotation]).to.deep.equal([key.name, true]);
  });

  it("owns no DNS, no ACGR replica and no secondary-Region Connect resources", () => {
    expect(cloud.resources.filter((r) => r.type.startsWith("aws:route53/"))).to.deep.equal([]);
    expect(cloud.resources.filter((r) => r.type.startsWith("aws:connect/") && r.region !== "us-east-1")).to.deep.equal([]);
  });

  it("exports what the secondary stack and operators need", () => {
    expect(outputs).to.include({
      role: "primary",
      region: "us-east-1",
      connectInstanceId: cloud.named("connect-instance").state.id,
      connectInstanceArn: cloud.named("connect-instance").state.arn,
      connectInstanceAlias: "example-corp-contact",
      contactTableName: "example-corp-contact-contacts",
    });
    expect(Object.keys(outputs.connectQueueIds as object).sort()).to.deep.equal(["Billing", "Sales", "Support"]);
    expect(Object.keys(outputs.contactTableKeyArns as object).sort()).to.deep.equal(["us-east-1", "us-west-2"]);
    for (const key of ["recordingsBucketName", "recordingsReplicaBucketName", "contactRecordsBucketName", "contactRecordsReplicaBucketName", "directConnectVirtualInterfaceId", "vpnConnectionId"]) expect(outputs[key], key).to.be.a("string");
  });

  it("exports every output the secondary stack reads, with the values the secondary's specs stand in for", () => {
    for (const [key, name] of Object.entries(PRIMARY_OUTPUTS)) expect(outputs, `${key} (${name})`).to.have.property(name);
    expect(outputs[PRIMARY_OUTPUTS.lambdaAlarmNames]).to.deep.equal(PRIMARY_STACK_OUTPUTS.lambdaAlarmNames);
    expect(outputs[PRIMARY_OUTPUTS.instanceAlias]).to.equal(PRIMARY_STACK_OUTPUTS.connectInstanceAlias);
  });
});
