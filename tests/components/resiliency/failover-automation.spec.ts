import { expect } from "chai";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { FailoverAutomation, healthAlarmArn, type FailoverAutomationArgs } from "../../../components/resiliency/failover-automation";
import { ArgumentError } from "../../../components/argument-error";
import { TrafficDistributionGroup } from "../../../components/resiliency/traffic-distribution-group";
import { MockCloud, resolve, settle } from "../../../tools/synthesis/mock-cloud";

/** A traffic distribution group ARN as the Connect API reference gives its pattern. */
const GROUP_ARN = /^arn:(aws|aws-us-gov):connect:[a-z]{2}-[a-z]+-[0-9]{1}:[0-9]{1,20}:traffic-distribution-group\/[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;
const sourceArn = "arn:aws:connect:us-east-1:111122223333:instance/11111111-2222-3333-4444-555555555555";

/** The group's ARN as the stack passes it on: the `arn` output of the group resource itself. */
let group: string;
const baseArgs: FailoverAutomationArgs = {
  region: "us-west-2",
  pair: ["us-east-1", "us-west-2"],
  accountId: "111122223333",
  trafficDistributionGroupArn: "replaced in synth() by the group's output",
  healthSignalAlarmNames: ["connect-throttles", "connect-flow-errors"],
  lockTableName: "connect-dr-lock",
  lockTableArn: "arn:aws:dynamodb:us-west-2:111122223333:table/connect-dr-lock",
  lockTableKmsKeyArn: "arn:aws:kms:us-west-2:111122223333:key/lock",
};

async function synth(args: FailoverAutomationArgs = baseArgs) {
  const cloud = new MockCloud({ stack: "secondary" }).install();
  const provider = new aws.Provider("workload-us-west-2", { region: "us-west-2", assumeRoles: [{ roleArn: "arn:aws:iam::111122223333:role/ConnectDrDeployer" }] });
  const tdg = new TrafficDistributionGroup("traffic", { instanceArn: sourceArn, pair: ["us-east-1", "us-west-2"] });
  new FailoverAutomation("failover", { ...args, trafficDistributionGroupArn: tdg.arn }, { provider });
  await settle();
  group = await resolve(tdg.arn);
  return cloud;
}

describe("FailoverAutomation", () => {
  it("declares exactly the automation's children, all on the workload provider of its Region", async () => {
    const cloud = await synth();
    await settle();
    const children = cloud.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers") && r.type.startsWith("aws:"));
    expect(children.map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal(
      [
        "aws:cloudwatch/compositeAlarm:CompositeAlarm failover-health",
        "aws:cloudwatch/eventRule:EventRule failover-forward-rule",
        "aws:cloudwatch/eventRule:EventRule failover-trigger-rule",
        "aws:cloudwatch/eventTarget:EventTarget failover-forward-target",
        "aws:cloudwatch/eventTarget:EventTarget failover-trigger-target",
        "aws:cloudwatch/logGroup:LogGroup failover-logs",
        "aws:iam/role:Role failover-forward-role",
        "aws:iam/role:Role failover-operator-role",
        "aws:iam/role:Role failover-role",
        "aws:iam/rolePolicy:RolePolicy failover-forward-policy",
        "aws:iam/rolePolicy:RolePolicy failover-operator-policy",
        "aws:iam/rolePolicy:RolePolicy failover-policy",
        "aws:kms/alias:Alias failover-key-alias",
        "aws:kms/key:Key failover-key",
        "aws:lambda/function:Function failover-function",
        "aws:lambda/permission:Permission failover-invoke-permission",
        "aws:sns/topic:Topic failover-topic",
      ].sort(),
    );
    for (const child of children) expect(child, child.name).to.include({ account: "111122223333", region: "us-west-2" });
  });

  it("listens for the PEER's health alarm and forwards its own to the peer's bus", async () => {
    const cloud = await synth();
    await settle();
    expect(JSON.parse(cloud.named("failover-trigger-rule").inputs.eventPattern).detail.alarmName).to.deep.equal(["connect-dr-us-east-1-health"]);
    expect(JSON.parse(cloud.named("failover-forward-rule").inputs.eventPattern).detail).to.deep.equal({ alarmName: ["connect-dr-us-west-2-health"], state: { value: ["ALARM"] } });
    expect(cloud.named("failover-forward-target").inputs.arn).to.equal("arn:aws:events:us-east-1:111122223333:event-bus/default");
    expect(cloud.named("failover-health").inputs).to.include({ alarmName: "connect-dr-us-west-2-health", alarmRule: 'ALARM("connect-throttles") OR ALARM("connect-flow-errors")' });
    // CONTRACTS.md B: the forwarded composite alarm says it is a liveness signal.
    expect(cloud.named("failover-health").inputs.tags).to.deep.equal({ "connect-dr:failover-signal": "liveness" });
  });

  it("ORs the dependency alarms (a list known only from outputs) into the same health alarm, after the signals", async () => {
    const cloud = await synth({ ...baseArgs, dependencyAlarmNames: pulumi.output(["lambda-lookup-throttles", "lambda-lookup-errors"]) });
    await settle();
    expect(cloud.named("failover-health").inputs.alarmRule).to.equal(
      'ALARM("connect-throttles") OR ALARM("connect-flow-errors") OR ALARM("lambda-lookup-throttles") OR ALARM("lambda-lookup-errors")',
    );
    expect(healthAlarmArn("us-west-2", "111122223333")).to.equal("arn:aws:cloudwatch:us-west-2:111122223333:alarm:connect-dr-us-west-2-health");
    expect(healthAlarmArn("us-west-2", "111122223333", "acme")).to.equal("arn:aws:cloudwatch:us-west-2:111122223333:alarm:acme-us-west-2-health");
  });

  it("takes the group's ARN from the group resource, in the Connect API's ARN format", async () => {
    await synth();
    expect(group).to.match(GROUP_ARN);
  });

  it("bundles the handler and hands it its settings, encrypted with a rotating CMK", async () => {
    const cloud = await synth();
    await settle();
    const fn = cloud.named("failover-function").inputs;
    expect(fn).to.include({ runtime: "nodejs22.x", handler: "index.handler", kmsKeyArn: "arn:aws:kms:us-west-2:111122223333:failover-key", reservedConcurrentExecutions: 2 });
    expect(fn.environment.variables).to.deep.equal({
      GROUP_ARN: group,
      PAIR: "us-east-1,us-west-2",
      LOCK_TABLE: "connect-dr-lock",
      COOLDOWN_SECONDS: "300",
      TOPIC_ARN: "arn:aws:sns:us-west-2:111122223333:failover-topic",
      HEALTH_ALARMS: JSON.stringify({ "us-east-1": "connect-dr-us-east-1-health", "us-west-2": "connect-dr-us-west-2-health" }),
      // The alarm PeerProbe raises here when the peer is dark: it moves traffic HERE.
      LIVENESS_ALARMS: JSON.stringify({ "connect-dr-us-east-1-unreachable-from-us-west-2": "us-east-1" }),
    });
    expect(cloud.named("failover-key").inputs).to.include({ enableKeyRotation: true, deletionWindowInDays: 30 });
    expect(cloud.named("failover-logs").inputs).to.include({ kmsKeyId: "arn:aws:kms:us-west-2:111122223333:failover-key", retentionInDays: 365 });
    expect(cloud.named("failover-topic").inputs.kmsMasterKeyId).to.equal("arn:aws:kms:us-west-2:111122223333:failover-key");
  });

  it("grants the handler exactly what it calls, on exactly its resources", async () => {
    const cloud = await synth();
    await settle();
    const statements = JSON.parse(cloud.named("failover-policy").inputs.policy).Statement;
    expect(statements.map((s: { Sid: string; Action: unknown; Resource: unknown }) => [s.Sid, s.Action, s.Resource])).to.deep.equal([
      ["MoveTraffic", ["connect:GetTrafficDistribution", "connect:UpdateTrafficDistribution"], group],
      ["LockAndAudit", ["dynamodb:PutItem", "dynamodb:DeleteItem"], baseArgs.lockTableArn],
      ["LockTableKey", ["kms:Decrypt", "kms:GenerateDataKey"], baseArgs.lockTableKmsKeyArn],
      [
        "ReadRegionHealth",
        "cloudwatch:DescribeAlarms",
        ["arn:aws:cloudwatch:us-east-1:111122223333:alarm:connect-dr-us-east-1-health", "arn:aws:cloudwatch:us-west-2:111122223333:alarm:connect-dr-us-west-2-health"],
      ],
      ["Notify", "sns:Publish", "arn:aws:sns:us-west-2:111122223333:failover-topic"],
      ["OwnKey", ["kms:Decrypt", "kms:GenerateDataKey"], "arn:aws:kms:us-west-2:111122223333:failover-key"],
      ["Logs", ["logs:CreateLogStream", "logs:PutLogEvents"], "arn:aws:logs:us-west-2:111122223333:failover-logs:*"],
    ]);
  });

  it("adds Route 53 rights on the one hosted zone only when DNS follows the distribution", async () => {
    const cloud = await synth({ ...baseArgs, dnsRecord: { hostedZoneId: "Z123", recordName: "agents.example.com", recordType: "CNAME", setIdentifierByRegion: { "us-east-1": "east", "us-west-2": "west" } } });
    await settle();
    const statements = JSON.parse(cloud.named("failover-policy").inputs.policy).Statement;
    expect(statements.at(-1)).to.deep.equal({
      Sid: "FollowWithDns",
      Effect: "Allow",
      Action: ["route53:ListResourceRecordSets", "route53:ChangeResourceRecordSets"],
      Resource: "arn:aws:route53:::hostedzone/Z123",
    });
    expect(JSON.parse(cloud.named("failover-function").inputs.environment.variables.DNS_RECORD)).to.include({ hostedZoneId: "Z123" });
  });

  it("lets operators assume the failover role only with a recent MFA sign-in", async () => {
    const cloud = await synth({ ...baseArgs, operatorMfaMaxAgeSeconds: 900 });
    await settle();
    const trust = JSON.parse(cloud.named("failover-operator-role").inputs.assumeRolePolicy).Statement[0];
    expect(trust).to.deep.equal({
      Effect: "Allow",
      Principal: { AWS: ["arn:aws:iam::111122223333:root"] },
      Action: "sts:AssumeRole",
      Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" }, NumericLessThan: { "aws:MultiFactorAuthAge": "900" } },
    });
  });

  it("grants operators what the CLI calls: the group's distribution, and the group listing it needs without --group-arn", async () => {
    const cloud = await synth();
    const statements = JSON.parse(cloud.named("failover-operator-policy").inputs.policy).Statement;
    expect(statements.slice(0, 2)).to.deep.equal([
      {
        Sid: "FailoverAndFailback",
        Effect: "Allow",
        Action: ["connect:GetTrafficDistribution", "connect:UpdateTrafficDistribution"],
        Resource: group,
      },
      // The Service Authorization Reference gives connect:ListTrafficDistributionGroups the required
      // resource type traffic-distribution-group (checked against it by tests/program/iam-reference.spec.ts).
      {
        Sid: "FindDefaultGroup",
        Effect: "Allow",
        Action: "connect:ListTrafficDistributionGroups",
        Resource: ["arn:aws:connect:us-east-1:111122223333:traffic-distribution-group/*", "arn:aws:connect:us-west-2:111122223333:traffic-distribution-group/*"],
      },
    ]);
  });

  it("trusts operators' federated roles by ARN instead of MFA keys their sessions do not carry", async () => {
    const patterns = ["arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_DrOperator_*", "arn:aws:iam::111122223333:role/federation/ContactCentreOperators"];
    const cloud = await synth({ ...baseArgs, operatorFederatedRoleArnPatterns: patterns });
    expect(JSON.parse(cloud.named("failover-operator-role").inputs.assumeRolePolicy).Statement).to.deep.equal([
      { Sid: "FederatedOperators", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole", Condition: { ArnLike: { "aws:PrincipalArn": patterns } } },
    ]);
    const both = await synth({ ...baseArgs, operatorFederatedRoleArnPatterns: patterns, operatorPrincipalArns: ["arn:aws:iam::111122223333:role/BreakGlass"] });
    expect(JSON.parse(both.named("failover-operator-role").inputs.assumeRolePolicy).Statement.map((s: { Principal: unknown; Condition: object }) => [s.Principal, Object.keys(s.Condition)])).to.deep.equal([
      [{ AWS: ["arn:aws:iam::111122223333:role/BreakGlass"] }, ["Bool", "NumericLessThan"]],
      [{ AWS: "arn:aws:iam::111122223333:root" }, ["ArnLike"]],
    ]);
  });

  it("omits the operator role when asked", async () => {
    const cloud = await synth({ ...baseArgs, createOperatorRole: false });
    await settle();
    expect(cloud.resources.filter((r) => r.name.startsWith("failover-operator"))).to.have.length(0);
  });

  const invalid: [string, Partial<FailoverAutomationArgs>, string][] = [
    ["a Region outside the pair", { region: "eu-west-2" }, `FailoverAutomation: invalid 'region' = "eu-west-2"; one of the pair us-east-1, us-west-2`],
    ["a pair of one Region twice", { pair: ["us-east-1", "us-east-1"] }, `FailoverAutomation: invalid 'pair' = ["us-east-1","us-east-1"]; two different Regions, primary first`],
    ["a malformed account id", { accountId: "1234" }, `FailoverAutomation: invalid 'accountId' = "1234"; a 12-digit AWS account id`],
    ["no health signals", { healthSignalAlarmNames: [] }, `FailoverAutomation: invalid 'healthSignalAlarmNames' = []; at least one alarm name (a composite alarm needs a rule)`],
    ["a cooldown under a minute", { cooldownSeconds: 10 }, `FailoverAutomation: invalid 'cooldownSeconds' = 10; an integer from 60 to 86400`],
    ["an MFA age over 12 hours", { operatorMfaMaxAgeSeconds: 86_400 }, `FailoverAutomation: invalid 'operatorMfaMaxAgeSeconds' = 86400; an integer from 300 to 43200`],
    [
      "a federated role in another account",
      { operatorFederatedRoleArnPatterns: ["arn:aws:iam::999999999999:role/Ops"] },
      `FailoverAutomation: invalid 'operatorFederatedRoleArnPatterns' = "arn:aws:iam::999999999999:role/Ops"; an IAM role ARN pattern in account 111122223333 (arn:aws:iam::111122223333:role/...)`,
    ],
  ];
  for (const [name, patch, message] of invalid) {
    it(`rejects ${name}`, () => {
      new MockCloud().install();
      expect(() => new FailoverAutomation("f", { ...baseArgs, ...patch })).to.throw(ArgumentError, message);
    });
  }
});
