import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../../../components/argument-error";
import { PeerProbe, type PeerProbeArgs } from "../../../components/resiliency/peer-probe";
import { MockCloud, settle } from "../../../tools/synthesis/mock-cloud";

const INSTANCE = "11111111-2222-3333-4444-555555555555";
const baseArgs: PeerProbeArgs = {
  region: "us-west-2",
  pair: ["us-east-1", "us-west-2"],
  accountId: "111122223333",
  instanceId: INSTANCE,
  sipEndpoints: [{ name: "carrier-a", host: "sbc1-use1.carrier-a.example.net", port: 5061 }],
  failoverFunctionArn: "arn:aws:lambda:us-west-2:111122223333:function:connect-dr-failover-us-west-2",
  failoverFunctionName: "connect-dr-failover-us-west-2",
  kmsKeyArn: "arn:aws:kms:us-west-2:111122223333:key/failover",
  alarmTopicArn: "arn:aws:sns:us-west-2:111122223333:connect-dr-failover-us-west-2",
};

function synth(args: PeerProbeArgs = baseArgs) {
  const cloud = new MockCloud({ stack: "secondary" }).install();
  const provider = new aws.Provider("workload-us-west-2", { region: "us-west-2" });
  new PeerProbe("probe", args, { provider });
  return cloud;
}

describe("PeerProbe: the dark-Region detector of one Region", () => {
  let cloud: MockCloud;
  before(async () => {
    cloud = synth();
    await settle();
  });

  it("declares exactly its children, all in its own Region", () => {
    const children = cloud.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers"));
    expect(children.map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal(
      [
        "aws:cloudwatch/eventRule:EventRule probe-schedule",
        "aws:cloudwatch/eventRule:EventRule probe-trigger-rule",
        "aws:cloudwatch/eventTarget:EventTarget probe-schedule-target",
        "aws:cloudwatch/eventTarget:EventTarget probe-trigger-target",
        "aws:cloudwatch/logGroup:LogGroup probe-logs",
        "aws:cloudwatch/metricAlarm:MetricAlarm probe-alarm",
        "aws:iam/role:Role probe-role",
        "aws:iam/rolePolicy:RolePolicy probe-policy",
        "aws:lambda/function:Function probe-function",
        "aws:lambda/permission:Permission probe-schedule-permission",
        "aws:lambda/permission:Permission probe-trigger-permission",
      ].sort(),
    );
    for (const child of children) expect(child, child.name).to.include({ region: "us-west-2" });
    expect(cloud.named("probe").type).to.equal("connect-dr:resiliency:PeerProbe");
  });

  it("runs the bundled probe every minute, with the peer's instance and SIP endpoints, encrypted with the CMK", () => {
    expect(cloud.named("probe-schedule").inputs.scheduleExpression).to.equal("rate(1 minute)");
    expect(cloud.named("probe-schedule-target").inputs.retryPolicy).to.deep.equal({ maximumRetryAttempts: 0, maximumEventAgeInSeconds: 60 });
    const fn = cloud.named("probe-function").inputs;
    expect(fn).to.include({ name: "connect-dr-peer-probe-us-west-2", runtime: "nodejs22.x", handler: "index.handler", kmsKeyArn: baseArgs.kmsKeyArn, timeout: 14, reservedConcurrentExecutions: 1 });
    expect(fn.environment.variables).to.deep.equal({
      PEER_REGION: "us-east-1",
      INSTANCE_ID: INSTANCE,
      SIP_ENDPOINTS: JSON.stringify(baseArgs.sipEndpoints),
      TIMEOUT_MS: "3000",
    });
    expect(cloud.named("probe-logs").inputs).to.include({ name: "/aws/lambda/connect-dr-peer-probe-us-west-2", kmsKeyId: baseArgs.kmsKeyArn, retentionInDays: 365 });
    expect(cloud.named("probe-schedule-permission").inputs).to.include({ principal: "events.amazonaws.com", sourceArn: cloud.named("probe-schedule").state.arn });
  });

  it("grants the probe exactly DescribeInstance on the PEER's instance, PutMetricData in its namespace, its logs and its key", () => {
    const statements = JSON.parse(cloud.named("probe-policy").inputs.policy).Statement;
    expect(statements).to.deep.equal([
      { Sid: "ProbePeerInstance", Effect: "Allow", Action: "connect:DescribeInstance", Resource: `arn:aws:connect:us-east-1:111122223333:instance/${INSTANCE}` },
      { Sid: "PublishLiveness", Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*", Condition: { StringEquals: { "cloudwatch:namespace": "ConnectDR/PeerProbe" } } },
      { Sid: "Logs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${cloud.named("probe-logs").state.arn}:*` },
      { Sid: "EnvironmentKey", Effect: "Allow", Action: "kms:Decrypt", Resource: baseArgs.kmsKeyArn },
    ]);
    expect(JSON.parse(cloud.named("probe-role").inputs.assumeRolePolicy).Statement).to.deep.equal([
      { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } } },
    ]);
  });

  it("alarms, as a liveness signal with missing data breaching, on 3 failed probes of 5", () => {
    expect(cloud.named("probe-alarm").inputs).to.deep.include({
      name: "connect-dr-us-east-1-unreachable-from-us-west-2",
      namespace: "ConnectDR/PeerProbe",
      metricName: "PeerAlive",
      dimensions: { PeerRegion: "us-east-1" },
      statistic: "Minimum",
      period: 60,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      threshold: 1,
      comparisonOperator: "LessThanThreshold",
      treatMissingData: "breaching",
      alarmActions: [baseArgs.alarmTopicArn],
      tags: { "connect-dr:failover-signal": "liveness" },
    });
  });

  it("invokes this Region's failover handler through this Region's EventBridge when the alarm goes to ALARM", () => {
    expect(JSON.parse(cloud.named("probe-trigger-rule").inputs.eventPattern)).to.deep.equal({
      source: ["aws.cloudwatch"],
      "detail-type": ["CloudWatch Alarm State Change"],
      // From OK only: a new alarm with no probe data yet goes INSUFFICIENT_DATA -> ALARM, and must not fail over.
      detail: { alarmName: ["connect-dr-us-east-1-unreachable-from-us-west-2"], state: { value: ["ALARM"] }, previousState: { value: ["OK"] } },
    });
    expect(cloud.named("probe-trigger-target").inputs).to.deep.include({ arn: baseArgs.failoverFunctionArn, retryPolicy: { maximumRetryAttempts: 4, maximumEventAgeInSeconds: 600 } });
    expect(cloud.named("probe-trigger-permission").inputs).to.include({ function: "connect-dr-failover-us-west-2", principal: "events.amazonaws.com", sourceArn: cloud.named("probe-trigger-rule").state.arn });
  });

  it("in a VPC: its own group allows out only HTTPS and the SIP ports, and its role may create interfaces only in the shared subnets", async () => {
    const subnets = ["subnet-0ccccccccccccccc1", "subnet-0ccccccccccccccc2"];
    const inVpc = synth({ ...baseArgs, sipEndpoints: [...baseArgs.sipEndpoints!, { name: "carrier-b", host: "sbc2.example.net", port: 5061 }, { name: "carrier-c", host: "sbc3.example.net", port: 5060 }], vpc: { vpcId: "vpc-0ddddddddddddddd1", subnetIds: subnets, subnetOwnerAccountId: "444455556666" } });
    await settle();
    const sg = inVpc.named("probe-sg");
    expect(sg.inputs.ingress).to.deep.equal([]);
    expect(sg.inputs.egress.map((e: { fromPort: number; toPort: number; protocol: string; cidrBlocks: string[] }) => [e.protocol, e.fromPort, e.toPort, e.cidrBlocks])).to.deep.equal([
      ["tcp", 443, 443, ["0.0.0.0/0"]],
      ["tcp", 5060, 5060, ["0.0.0.0/0"]],
      ["tcp", 5061, 5061, ["0.0.0.0/0"]],
    ]);
    expect(inVpc.named("probe-function").inputs.vpcConfig).to.deep.equal({ subnetIds: subnets, securityGroupIds: [sg.state.id] });
    const create = JSON.parse(inVpc.named("probe-policy").inputs.policy).Statement.find((s: { Sid: string }) => s.Sid === "CreateInterfacesInOwnSubnets");
    expect(create.Resource.slice(2)).to.deep.equal(subnets.map((id) => `arn:aws:ec2:us-west-2:444455556666:subnet/${id}`));
  });

  const invalid: [string, Partial<PeerProbeArgs>, string][] = [
    ["a Region outside the pair", { region: "eu-west-2" }, `PeerProbe: invalid 'region' = "eu-west-2"; one of the pair us-east-1, us-west-2`],
    ["more failures than probes", { datapointsToAlarm: 6 }, `PeerProbe: invalid 'datapointsToAlarm' = 6; an integer from 1 to evaluationPeriods (5)`],
    ["a timeout over 10 s", { timeoutMs: 30_000 }, `PeerProbe: invalid 'timeoutMs' = 30000; an integer from 500 to 10000`],
    ["a SIP endpoint without a port", { sipEndpoints: [{ name: "x", host: "h", port: 0 }] }, `PeerProbe: invalid 'sipEndpoints' = {"name":"x","host":"h","port":0}; { name, host, port } with a port from 1 to 65535`],
  ];
  for (const [name, patch, message] of invalid) {
    it(`rejects ${name}`, () => {
      new MockCloud().install();
      expect(() => new PeerProbe("p", { ...baseArgs, ...patch })).to.throw(ArgumentError, message);
    });
  }
});
