import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ConnectRegion, ConnectRegionArgs } from "../../../components/connect/connect-region";
import { connectKeyPolicy } from "../../../components/connect/connect-region/key-policy";
import { MockCloud, RecordedResource, computedId, resolve, resourcesBehind, settle } from "../../../tools/synthesis/mock-cloud";

const ACCOUNT = "111122223333";
const TOPIC_EAST = `arn:aws:sns:us-east-1:${ACCOUNT}:connect-alarms`;

function workloadProvider(region: string): aws.Provider {
  return new aws.Provider(`workload-${region}`, { region: region as aws.Region, assumeRoles: [{ roleArn: `arn:aws:iam::${ACCOUNT}:role/ConnectDrDeployer` }] });
}

/** A Flow-language flow that invokes one Lambda function by a Region-specific ARN. */
function lambdaFlow(functionArn: string): string {
  return JSON.stringify({
    Version: "2019-10-30",
    StartAction: "invoke",
    Actions: [
      { Identifier: "invoke", Type: "InvokeLambdaFunction", Parameters: { LambdaFunctionARN: functionArn, InvocationTimeLimitSeconds: "3" }, Transitions: { NextAction: "bye", Errors: [] } },
      { Identifier: "bye", Type: "DisconnectParticipant", Parameters: {}, Transitions: {} },
    ],
  });
}

function primaryArgs(): ConnectRegionArgs {
  return {
    region: "us-east-1",
    accountId: ACCOUNT,
    instanceAlias: "acme-cc",
    recordingsBucketName: "acme-recordings-us-east-1",
    hoursOfOperation: [{
      name: "Office Hours",
      timeZone: "America/New_York",
      config: [{ day: "MONDAY", startTime: { hours: 8, minutes: 0 }, endTime: { hours: 17, minutes: 30 } }],
    }],
    queues: [
      { name: "Sales", hoursOfOperationName: "Office Hours", maxContacts: 50 },
      { name: "Billing Support", hoursOfOperationName: "Office Hours" },
    ],
    routingProfiles: [{
      name: "Front Line",
      description: "Sales first, then billing",
      defaultOutboundQueueName: "Sales",
      mediaConcurrencies: [{ channel: "VOICE", concurrency: 1 }, { channel: "CHAT", concurrency: 3 }],
      queueConfigs: [
        { queueName: "Sales", channel: "VOICE", priority: 1, delay: 0 },
        { queueName: "Billing Support", channel: "CHAT", priority: 2, delay: 30 },
      ],
    }],
    flows: [
      { name: "Main IVR", content: lambdaFlow(`arn:aws:lambda:us-east-1:${ACCOUNT}:function:lookup-customer`) },
      {
        name: "Queue Transfer",
        type: "QUEUE_TRANSFER",
        // A `{Name, Type, Content}` export: the component must unwrap it for CreateContactFlow.
        content: JSON.stringify({ Name: "Queue Transfer", Type: "QUEUE_TRANSFER", Content: lambdaFlow("arn:aws:lambda:$.AwsRegion:111122223333:function:lookup-customer") }),
      },
    ],
    lambdaFunctionNames: ["lookup-customer", "Create_Callback"],
    lexV2BotAliases: [{ botId: "YY9557EM03", botAliasId: "LQ1YCOYG6U" }],
    alarmActions: [TOPIC_EAST],
  };
}

function replicaArgs(): ConnectRegionArgs {
  return {
    region: "us-west-2",
    accountId: ACCOUNT,
    instanceAlias: "acme-cc-replica",
    instanceId: "5cafc98e-41fc-47e3-a3be-e8a5404a0e9d",
    manageRoutingConfiguration: false,
    recordingsBucketName: "acme-recordings-us-west-2",
    lambdaFunctionNames: ["lookup-customer"],
    lexV2BotAliases: [{ botId: "YY9557EM03", botAliasId: "LQ1YCOYG6U" }],
  };
}

/** Children of the component: every custom resource except providers. */
function children(resources: readonly RecordedResource[]): RecordedResource[] {
  return resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));
}

const COMMON_CHILDREN = (name: string): [string, string][] => [
  ["aws:kms/key:Key", `${name}-key`],
  ["aws:kms/alias:Alias", `${name}-key-alias`],
  ["aws:cloudwatch/logGroup:LogGroup", `${name}-flow-logs`],
  ["aws:connect/instanceStorageConfig:InstanceStorageConfig", `${name}-storage-call-recordings`],
  ["aws:connect/instanceStorageConfig:InstanceStorageConfig", `${name}-storage-chat-transcripts`],
  ["aws:connect/instanceStorageConfig:InstanceStorageConfig", `${name}-storage-scheduled-reports`],
  ["aws:kinesis/stream:Stream", `${name}-contact-trace-records`],
  ["aws:connect/instanceStorageConfig:InstanceStorageConfig", `${name}-storage-contact-trace-records`],
  ["aws:kinesis/stream:Stream", `${name}-agent-events`],
  ["aws:connect/instanceStorageConfig:InstanceStorageConfig", `${name}-storage-agent-events`],
  ["aws:connect/lambdaFunctionAssociation:LambdaFunctionAssociation", `${name}-lambda-lookup-customer`],
  ["aws:cloudcontrol/resource:Resource", `${name}-lex-yy9557em03-lq1ycoyg6u`],
  ["aws:cloudwatch/metricAlarm:MetricAlarm", `${name}-alarm-concurrent-calls`],
  ["aws:cloudwatch/metricAlarm:MetricAlarm", `${name}-alarm-throttled-calls`],
  ["aws:cloudwatch/metricAlarm:MetricAlarm", `${name}-alarm-contact-flow-errors`],
  ["aws:cloudwatch/metricAlarm:MetricAlarm", `${name}-alarm-contact-flow-fatal-errors`],
  ["aws:cloudwatch/metricAlarm:MetricAlarm", `${name}-alarm-call-recording-upload-errors`],
];

const sorted = (pairs: [string, string][]) => [...pairs].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));

describe("ConnectRegion (primary: creates the instance and the routing configuration)", () => {
  let cloud: MockCloud;
  let region: ConnectRegion;

  // One synthesis shared by the read-only assertions below.
  before(async () => {
    cloud = new MockCloud().install();
    region = new ConnectRegion("cc", primaryArgs(), { provider: workloadProvider("us-east-1") });
    await resolve(region.alarmArns);
    await settle();
  });

  it("registers the component under its type token", () => {
    const component = cloud.resources.find((r) => r.name === "cc" && !r.custom)!;
    expect(component.type).to.equal("connect-dr:connect:ConnectRegion");
  });

  it("creates exactly the expected children, named from stable keys", () => {
    const expected = sorted([
      ...COMMON_CHILDREN("cc"),
      ["aws:connect/instance:Instance", "cc-instance"],
      ["aws:connect/lambdaFunctionAssociation:LambdaFunctionAssociation", "cc-lambda-create-callback"],
      ["aws:connect/hoursOfOperation:HoursOfOperation", "cc-hours-office-hours"],
      ["aws:connect/queue:Queue", "cc-queue-sales"],
      ["aws:connect/queue:Queue", "cc-queue-billing-support"],
      ["aws:connect/routingProfile:RoutingProfile", "cc-routing-profile-front-line"],
      ["aws:connect/contactFlow:ContactFlow", "cc-flow-main-ivr"],
      ["aws:connect/contactFlow:ContactFlow", "cc-flow-queue-transfer"],
    ]);
    expect(sorted(children(cloud.resources).map((r) => [r.type, r.name]))).to.deep.equal(expected);
    expect(children(cloud.resources)).to.have.length(25);
  });

  it("puts every child on the workload provider in us-east-1", () => {
    for (const r of children(cloud.resources)) {
      expect({ name: r.name, providerName: r.providerName, account: r.account, region: r.region }).to.deep.equal({
        name: r.name, providerName: "workload-us-east-1", account: ACCOUNT, region: "us-east-1",
      });
    }
  });

  it("creates a SAML instance with inbound and outbound calls, Contact Lens and flow logs enabled", () => {
    expect(cloud.named("cc-instance").inputs).to.deep.include({
      instanceAlias: "acme-cc",
      identityManagementType: "SAML",
      inboundCallsEnabled: true,
      outboundCallsEnabled: true,
      contactFlowLogsEnabled: true,
      contactLensEnabled: true,
      multiPartyConferenceEnabled: false,
    });
  });

  it("creates a rotating CMK with a 30-day deletion window and a scoped key policy", () => {
    const key = cloud.named("cc-key").inputs;
    expect(key.enableKeyRotation).to.equal(true);
    expect(key.deletionWindowInDays).to.equal(30);
    const policy = JSON.parse(key.policy);
    expect(policy).to.deep.equal(connectKeyPolicy({ accountId: ACCOUNT, region: "us-east-1", logGroupName: "/aws/connect/acme-cc" }));
    const logs = policy.Statement.find((s: { Sid: string }) => s.Sid === "CloudWatchLogsEncryptsFlowLogs");
    expect(logs.Principal).to.deep.equal({ Service: "logs.us-east-1.amazonaws.com" });
    expect(logs.Condition).to.deep.equal({ ArnEquals: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/connect/acme-cc` } });
    expect(cloud.named("cc-key-alias").inputs).to.deep.equal({ name: "alias/connect/acme-cc", targetKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:cc-key` });
  });

  it("encrypts the flow log group with the CMK and keeps it 365 days", () => {
    expect(cloud.named("cc-flow-logs").inputs).to.deep.include({
      name: "/aws/connect/acme-cc",
      retentionInDays: 365,
      kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:cc-key`,
    });
  });

  it("creates on-demand Kinesis streams encrypted with the CMK", () => {
    for (const role of ["contact-trace-records", "agent-events"]) {
      expect(cloud.named(`cc-${role}`).inputs).to.deep.include({
        name: `acme-cc-${role}`,
        encryptionType: "KMS",
        kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:cc-key`,
        retentionPeriod: 24,
        streamModeDetails: { streamMode: "ON_DEMAND" },
      });
    }
  });

  it("stores recordings, transcripts and reports in the bucket under per-type prefixes with KMS", () => {
    const folders = { "call-recordings": ["CALL_RECORDINGS", "CallRecordings"], "chat-transcripts": ["CHAT_TRANSCRIPTS", "ChatTranscripts"], "scheduled-reports": ["SCHEDULED_REPORTS", "Reports"] };
    for (const [role, [resourceType, folder]] of Object.entries(folders)) {
      expect(cloud.named(`cc-storage-${role}`).inputs).to.deep.equal({
        instanceId: "cc-instance-id",
        resourceType,
        storageConfig: {
          storageType: "S3",
          s3Config: {
            bucketName: "acme-recordings-us-east-1",
            bucketPrefix: `connect/acme-cc/${folder}`,
            encryptionConfig: { encryptionType: "KMS", keyId: `arn:aws:kms:us-east-1:${ACCOUNT}:cc-key` },
          },
        },
      });
    }
  });

  it("sends contact trace records and agent events to their streams", () => {
    for (const [role, resourceType] of [["contact-trace-records", "CONTACT_TRACE_RECORDS"], ["agent-events", "AGENT_EVENTS"]]) {
      expect(cloud.named(`cc-storage-${role}`).inputs).to.deep.equal({
        instanceId: "cc-instance-id",
        resourceType,
        storageConfig: { storageType: "KINESIS_STREAM", kinesisStreamConfig: { streamArn: `arn:aws:kinesis:us-east-1:${ACCOUNT}:cc-${role}` } },
      });
    }
  });

  it("wires queues to hours and routing profiles to queues by name", () => {
    expect(cloud.named("cc-hours-office-hours").inputs).to.deep.include({
      instanceId: "cc-instance-id",
      name: "Office Hours",
      timeZone: "America/New_York",
      configs: [{ day: "MONDAY", startTime: { hours: 8, minutes: 0 }, endTime: { hours: 17, minutes: 30 } }],
    });
    expect(cloud.named("cc-queue-sales").inputs).to.deep.include({ name: "Sales", maxContacts: 50, hoursOfOperationId: computedId("cc-hours-office-hours") });
    expect(cloud.named("cc-queue-billing-support").inputs).to.deep.include({ name: "Billing Support", hoursOfOperationId: computedId("cc-hours-office-hours") });
    expect(cloud.named("cc-routing-profile-front-line").inputs).to.deep.include({
      name: "Front Line",
      description: "Sales first, then billing",
      defaultOutboundQueueId: computedId("cc-queue-sales"),
      mediaConcurrencies: [{ channel: "VOICE", concurrency: 1 }, { channel: "CHAT", concurrency: 3 }],
      queueConfigs: [
        { channel: "VOICE", delay: 0, priority: 1, queueId: computedId("cc-queue-sales") },
        { channel: "CHAT", delay: 30, priority: 2, queueId: computedId("cc-queue-billing-support") },
      ],
    });
  });

  it("creates flows with Region-neutral Lambda ARNs, unwrapping exported envelopes", () => {
    const main = cloud.named("cc-flow-main-ivr").inputs;
    expect(main).to.deep.include({ instanceId: "cc-instance-id", name: "Main IVR", type: "CONTACT_FLOW" });
    expect(JSON.parse(main.content).Actions[0].Parameters.LambdaFunctionARN).to.equal(`arn:aws:lambda:$.AwsRegion:${ACCOUNT}:function:lookup-customer`);
    const transfer = cloud.named("cc-flow-queue-transfer").inputs;
    expect(transfer.type).to.equal("QUEUE_TRANSFER");
    expect(JSON.parse(transfer.content).Version).to.equal("2019-10-30");
    expect(region.flowRewrites["Main IVR"]).to.have.length(1);
    expect(region.flowRewrites["Queue Transfer"]).to.deep.equal([]);
  });

  it("associates Lambda functions and the Lex V2 alias by ARNs built for us-east-1 and the account", () => {
    expect(cloud.named("cc-lambda-lookup-customer").inputs).to.deep.equal({ instanceId: "cc-instance-id", functionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:lookup-customer` });
    expect(cloud.named("cc-lambda-create-callback").inputs.functionArn).to.equal(`arn:aws:lambda:us-east-1:${ACCOUNT}:function:Create_Callback`);
    const lex = cloud.named("cc-lex-yy9557em03-lq1ycoyg6u").inputs;
    expect(lex.typeName).to.equal("AWS::Connect::IntegrationAssociation");
    expect(JSON.parse(lex.desiredState)).to.deep.equal({
      InstanceId: `arn:aws:connect:us-east-1:${ACCOUNT}:instance/cc-instance-id`,
      IntegrationType: "LEX_BOT",
      IntegrationArn: `arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/YY9557EM03/LQ1YCOYG6U`,
    });
  });

  it("alarms on the AWS/Connect metrics with the default thresholds and notifies the topic", () => {
    const common = { comparisonOperator: "GreaterThanOrEqualToThreshold", treatMissingData: "notBreaching", alarmActions: [TOPIC_EAST], okActions: [TOPIC_EAST] };
    expect(cloud.named("cc-alarm-concurrent-calls").inputs).to.deep.include({
      ...common, name: "acme-cc-connect-concurrent-calls", namespace: "AWS/Connect", metricName: "ConcurrentCallsPercentage",
      dimensions: { InstanceId: "cc-instance-id", MetricGroup: "VoiceCalls" }, statistic: "Maximum", period: 60, evaluationPeriods: 5, datapointsToAlarm: 5, threshold: 0.8,
    });
    expect(cloud.named("cc-alarm-throttled-calls").inputs).to.deep.include({
      ...common, namespace: "AWS/Connect", metricName: "ThrottledCalls", dimensions: { InstanceId: "cc-instance-id", MetricGroup: "VoiceCalls" }, statistic: "Sum", period: 300, threshold: 1,
    });
    expect(cloud.named("cc-alarm-call-recording-upload-errors").inputs).to.deep.include({
      ...common, namespace: "AWS/Connect", metricName: "CallRecordingUploadError", dimensions: { InstanceId: "cc-instance-id", MetricGroup: "CallRecordings" }, statistic: "Sum", threshold: 1,
    });
    for (const [role, metric, threshold] of [["contact-flow-errors", "ContactFlowErrors", 5], ["contact-flow-fatal-errors", "ContactFlowFatalErrors", 1]] as const) {
      const alarm = cloud.named(`cc-alarm-${role}`).inputs;
      expect(alarm).to.deep.include({ ...common, threshold, evaluationPeriods: 1 });
      expect(alarm.metricQueries).to.deep.equal([{
        id: "flows",
        expression: `SELECT SUM(${metric}) FROM SCHEMA("AWS/Connect", ContactFlowName, InstanceId, MetricGroup) WHERE InstanceId = 'cc-instance-id' AND MetricGroup = 'ContactFlow'`,
        period: 300,
        returnData: true,
      }]);
    }
    // CONTRACTS.md B: each feeds the Region's health composite alarm, as a quality signal.
    for (const role of ["concurrent-calls", "throttled-calls", "contact-flow-errors", "contact-flow-fatal-errors", "call-recording-upload-errors"]) {
      expect(cloud.named(`cc-alarm-${role}`).inputs.tags).to.include({ "connect-dr:failover-signal": "quality" });
    }
  });

  it("exposes ids and ARNs by name", async () => {
    expect(await resolve(region.instanceId)).to.equal("cc-instance-id");
    expect(await resolve(region.instanceArn)).to.equal(`arn:aws:connect:us-east-1:${ACCOUNT}:instance/cc-instance-id`);
    expect(await resolve(region.kmsKeyArn)).to.equal(`arn:aws:kms:us-east-1:${ACCOUNT}:cc-key`);
    expect(await resolve(region.queueArns)).to.deep.equal({ Sales: `arn:aws:connect:us-east-1:${ACCOUNT}:cc-queue-sales`, "Billing Support": `arn:aws:connect:us-east-1:${ACCOUNT}:cc-queue-billing-support` });
    expect(await resolve(region.flowIds)).to.deep.equal({ "Main IVR": computedId("cc-flow-main-ivr"), "Queue Transfer": computedId("cc-flow-queue-transfer") });
    expect(Object.keys(await resolve(region.alarmArns))).to.deep.equal(["concurrent-calls", "throttled-calls", "contact-flow-errors", "contact-flow-fatal-errors", "call-recording-upload-errors"]);
  });

  it("exposes alarm names through the alarms, so a composite alarm naming them waits for them", async () => {
    const roles = ["concurrent-calls", "throttled-calls", "contact-flow-errors", "contact-flow-fatal-errors", "call-recording-upload-errors"];
    expect(await resolve(region.alarmNames)).to.deep.equal(Object.fromEntries(roles.map((r) => [r, `acme-cc-connect-${r}`])));
    expect(await resourcesBehind(region.alarmNames)).to.deep.equal(roles.map((r) => `cc-alarm-${r}`).sort());
  });
});

describe("ConnectRegion (ACGR replica: attaches to the existing instance id)", () => {
  let cloud: MockCloud;
  let region: ConnectRegion;

  before(async () => {
    cloud = new MockCloud().install();
    region = new ConnectRegion("cc-replica", replicaArgs(), { provider: workloadProvider("us-west-2") });
    await resolve(region.alarmArns);
    await settle();
  });

  it("creates only what ACGR does not mirror: no instance, hours, queues, profiles or flows", () => {
    expect(sorted(children(cloud.resources).map((r) => [r.type, r.name]))).to.deep.equal(sorted(COMMON_CHILDREN("cc-replica")));
    expect(children(cloud.resources)).to.have.length(17);
  });

  it("puts every child on the workload provider in us-west-2", () => {
    for (const r of children(cloud.resources)) {
      expect([r.name, r.providerName, r.account, r.region]).to.deep.equal([r.name, "workload-us-west-2", ACCOUNT, "us-west-2"]);
    }
  });

  it("attaches storage, Lambda and alarms to the given instance id, with ARNs built for us-west-2", async () => {
    const id = "5cafc98e-41fc-47e3-a3be-e8a5404a0e9d";
    expect(await resolve(region.instanceArn)).to.equal(`arn:aws:connect:us-west-2:${ACCOUNT}:instance/${id}`);
    for (const r of cloud.ofType("aws:connect/instanceStorageConfig:InstanceStorageConfig")) expect(r.inputs.instanceId).to.equal(id);
    expect(cloud.named("cc-replica-lambda-lookup-customer").inputs.functionArn).to.equal(`arn:aws:lambda:us-west-2:${ACCOUNT}:function:lookup-customer`);
    expect(JSON.parse(cloud.named("cc-replica-lex-yy9557em03-lq1ycoyg6u").inputs.desiredState)).to.deep.equal({
      InstanceId: `arn:aws:connect:us-west-2:${ACCOUNT}:instance/${id}`,
      IntegrationType: "LEX_BOT",
      IntegrationArn: `arn:aws:lex:us-west-2:${ACCOUNT}:bot-alias/YY9557EM03/LQ1YCOYG6U`,
    });
    expect(cloud.named("cc-replica-alarm-throttled-calls").inputs.dimensions).to.deep.equal({ InstanceId: id, MetricGroup: "VoiceCalls" });
    expect(cloud.named("cc-replica-flow-logs").inputs.name).to.equal("/aws/connect/acme-cc-replica");
    expect(JSON.parse(cloud.named("cc-replica-key").inputs.policy)).to.deep.equal(connectKeyPolicy({ accountId: ACCOUNT, region: "us-west-2", logGroupName: "/aws/connect/acme-cc-replica" }));
    expect(await resolve(region.flowIds)).to.deep.equal({});
    expect(await resolve(region.queueArns)).to.deep.equal({});
  });

  it("takes the instance id as an Output and uses the caller's recordings key and retention settings", async () => {
    const cloud = new MockCloud().install();
    const bucketKey = `arn:aws:kms:us-west-2:${ACCOUNT}:key/rec`;
    const tuned = new ConnectRegion("cc-tuned", { ...replicaArgs(), instanceId: pulumi.output("from-stack-reference"), recordingsKmsKeyArn: bucketKey, recordingsBucketPrefix: "voice", logRetentionInDays: 731, streamRetentionPeriodHours: 168, alarmActions: [] }, { provider: workloadProvider("us-west-2") });
    await settle();
    expect(cloud.named("cc-tuned-storage-call-recordings").inputs.storageConfig.s3Config).to.deep.equal({
      bucketName: "acme-recordings-us-west-2", bucketPrefix: "voice/CallRecordings", encryptionConfig: { encryptionType: "KMS", keyId: bucketKey },
    });
    expect(cloud.named("cc-tuned-flow-logs").inputs.retentionInDays).to.equal(731);
    expect(cloud.named("cc-tuned-agent-events").inputs.retentionPeriod).to.equal(168);
    expect(cloud.named("cc-tuned-alarm-throttled-calls").inputs.alarmActions).to.deep.equal([]);
    expect(await resolve(tuned.instanceArn)).to.equal(`arn:aws:connect:us-west-2:${ACCOUNT}:instance/from-stack-reference`);
    expect(cloud.named("cc-tuned-storage-agent-events").inputs.instanceId).to.equal("from-stack-reference");
  });
});

describe("ConnectRegion: Lambda alias", () => {
  it("lets the instance invoke the alias that holds the provisioned concurrency", async () => {
    const cloud = new MockCloud().install();
    new ConnectRegion("cc", { ...primaryArgs(), lambdaFunctionAlias: "live" }, { provider: workloadProvider("us-east-1") });
    await settle();
    expect(cloud.named("cc-lambda-lookup-customer").inputs.functionArn).to.equal(`arn:aws:lambda:us-east-1:${ACCOUNT}:function:lookup-customer:live`);
  });

  it("names an alias Lambda would refuse", () => {
    new MockCloud().install();
    expect(() => new ConnectRegion("cc", { ...primaryArgs(), lambdaFunctionAlias: "42" }, { provider: workloadProvider("us-east-1") })).to.throw(
      `ConnectRegion: invalid 'lambdaFunctionAlias' = "42"; a Lambda alias name: letters, digits, - and _ (not only digits), at most 128 characters`,
    );
  });
});
