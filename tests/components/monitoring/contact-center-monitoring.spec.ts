import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../../../components/argument-error";
import { ContactCenterMonitoring, type ContactCenterMonitoringArgs } from "../../../components/monitoring/contact-center-monitoring";
import { contactCenterDashboardBody } from "../../../components/monitoring/dashboard-body";
import { firehoseRolePolicy } from "../../../components/monitoring/policies";
import { MockCloud, resolve, settle } from "../../../tools/synthesis/mock-cloud";

const ACCOUNT = "222233334444";
const provider = (region: string) => new aws.Provider(`workload-${region}`, { region, assumeRoles: [{ roleArn: `arn:aws:iam::${ACCOUNT}:role/ConnectDrDeployer` }] });
const INSTANCE = "11111111-2222-3333-4444-555555555555";
/** The HEC endpoint as Splunk Cloud gives it for Firehose: the base URL; Firehose adds the collector path. */
const SPLUNK = "https://http-inputs-firehose-acme.splunkcloud.com:443";
const DYNATRACE = "https://aws.cloud.dynatrace.com/metrics";
/** MockCloud's ARN for a Firehose delivery stream. */
const STREAM_ARN = (n: string) => `arn:aws:firehose:eu-west-2:${ACCOUNT}:${n}`;

function args(overrides: Partial<ContactCenterMonitoringArgs> = {}): ContactCenterMonitoringArgs {
  return {
    region: "eu-west-2",
    accountId: ACCOUNT,
    connectInstanceId: INSTANCE,
    recordingsReplication: { sourceBucket: "rec-euw2", destinationBucket: "rec-vault", ruleId: "recordings" },
    globalTable: { tableName: "contacts", receivingRegions: ["eu-central-1"] },
    healthCheckIds: { "eu-central-1": "hc-1", "eu-west-2": "hc-2" },
    failoverAlarmArns: [`arn:aws:cloudwatch:eu-west-2:${ACCOUNT}:alarm:connect-dr-health-eu-west-2`],
    failoverFunctionName: "connect-dr-failover-eu-west-2",
    tags: { project: "connect-dr" },
    ...overrides,
  };
}

const names = (cloud: MockCloud) => cloud.declared().map((r) => `${r.type} ${r.name}`).sort();
const CORE = (n: string) => [
  `aws:cloudwatch/dashboard:Dashboard ${n}-dashboard`,
  `aws:kms/alias:Alias ${n}-key-alias`,
  `aws:kms/key:Key ${n}-key`,
  `aws:sns/topic:Topic ${n}-topic`,
  `connect-dr:monitoring:ContactCenterMonitoring ${n}`,
];
const BACKUP = (n: string) => [
  `aws:cloudwatch/logGroup:LogGroup ${n}-delivery-logs`,
  `aws:s3/bucket:Bucket ${n}-failed-records`,
  `aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration ${n}-failed-records-lifecycle`,
  `aws:s3/bucketOwnershipControls:BucketOwnershipControls ${n}-failed-records-ownership`,
  `aws:s3/bucketPolicy:BucketPolicy ${n}-failed-records-policy`,
  `aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock ${n}-failed-records-public-access-block`,
  `aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration ${n}-failed-records-encryption`,
  `aws:s3/bucketVersioning:BucketVersioning ${n}-failed-records-versioning`,
];
const STREAM = (n: string, d: string) => [
  `aws:cloudwatch/logStream:LogStream ${n}-${d}-log-stream`,
  `aws:iam/role:Role ${n}-${d}-role`,
  `aws:iam/rolePolicy:RolePolicy ${n}-${d}-role-policy`,
  `aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream ${n}-${d}-stream`,
  `aws:secretsmanager/secret:Secret ${n}-${d}-secret`,
];

describe("ContactCenterMonitoring", () => {
  it("without streaming: only the key, encrypted topic and dashboard", async () => {
    const cloud = new MockCloud().install();
    const m = new ContactCenterMonitoring("mon", args(), { provider: provider("eu-west-2") });
    await settle();
    expect(names(cloud)).to.deep.equal(CORE("mon").sort());
    expect(cloud.named("mon-key").inputs).to.include({ enableKeyRotation: true, deletionWindowInDays: 30 });
    expect(JSON.parse(cloud.named("mon-key").inputs.policy).Statement.map((s: { Sid: string }) => s.Sid)).to.deep.equal(["EnableIamPoliciesOfOwningAccount", "AlarmsPublishToEncryptedTopic", "CloudWatchLogsEncrypt"]);
    expect(cloud.named("mon-topic").inputs).to.deep.include({ name: "connect-dr-alarms-eu-west-2", kmsMasterKeyId: `arn:aws:kms:eu-west-2:${ACCOUNT}:mon-key` });
    expect(cloud.named("mon-dashboard").inputs.dashboardName).to.equal("connect-dr-eu-west-2");
    const body = JSON.parse(cloud.named("mon-dashboard").inputs.dashboardBody);
    expect(body).to.deep.equal(contactCenterDashboardBody({ ...args(), connectInstanceId: INSTANCE, healthCheckIds: { "eu-central-1": "hc-1", "eu-west-2": "hc-2" }, failoverAlarmArns: [`arn:aws:cloudwatch:eu-west-2:${ACCOUNT}:alarm:connect-dr-health-eu-west-2`] }));
    for (const r of cloud.declared().filter((r) => r.custom)) expect(r.region, r.name).to.equal("eu-west-2");
    expect(await resolve(m.deliveryStreamArns)).to.deep.equal({});
    expect(await resolve(m.alarmTopicArn)).to.equal(`arn:aws:sns:eu-west-2:${ACCOUNT}:mon-topic`);
  });

  describe("with Splunk and Dynatrace streaming", () => {
    let cloud: MockCloud;
    let m: ContactCenterMonitoring;
    beforeEach(async () => {
      cloud = new MockCloud().install();
      m = new ContactCenterMonitoring("mon", args({ enableSplunk: true, splunkHecUrl: SPLUNK, enableDynatrace: true, dynatraceEndpointUrl: DYNATRACE }), { provider: provider("eu-west-2") });
      await settle();
    });

    it("declares both streams, their sources and one hardened failed-records bucket", () => {
      expect(names(cloud)).to.deep.equal(
        [
          ...CORE("mon"),
          ...BACKUP("mon"),
          ...STREAM("mon", "splunk"),
          ...STREAM("mon", "dynatrace"),
          "aws:cloudwatch/eventRule:EventRule mon-splunk-events-rule",
          "aws:cloudwatch/eventTarget:EventTarget mon-splunk-events-target",
          "aws:iam/role:Role mon-splunk-events-role",
          "aws:iam/rolePolicy:RolePolicy mon-splunk-events-role-policy",
          "aws:cloudwatch/metricStream:MetricStream mon-dynatrace-metric-stream",
          "aws:iam/role:Role mon-dynatrace-metric-stream-role",
          "aws:iam/rolePolicy:RolePolicy mon-dynatrace-metric-stream-role-policy",
        ].sort(),
      );
      for (const r of cloud.declared().filter((r) => r.custom)) {
        expect({ providerName: r.providerName, account: r.account, region: r.region }, r.name).to.deep.equal({ providerName: "workload-eu-west-2", account: ACCOUNT, region: "eu-west-2" });
      }
    });

    it("delivers to Splunk through Firehose's Splunk destination (HEC) with the token from its secret, CMK encryption and failed-event backup", () => {
      const stream = cloud.named("mon-splunk-stream").inputs;
      const key = `arn:aws:kms:eu-west-2:${ACCOUNT}:mon-key`;
      const role = `arn:aws:iam:eu-west-2:${ACCOUNT}:mon-splunk-role`;
      expect(stream).to.deep.include({ name: "connect-dr-splunk-eu-west-2", destination: "splunk" });
      expect(stream).to.not.have.property("httpEndpointConfiguration");
      expect(stream.serverSideEncryption).to.deep.equal({ enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: key });
      // Firehose's SplunkDestinationConfiguration: HECEndpointType Raw|Event, acknowledgment 180-600 s,
      // S3BackupMode FailedEventsOnly|AllEvents; the token from Secrets Manager instead of HECToken.
      expect(stream.splunkConfiguration).to.deep.equal({
        hecEndpoint: SPLUNK,
        hecEndpointType: "Raw",
        hecAcknowledgmentTimeout: 180,
        secretsManagerConfiguration: { enabled: true, secretArn: `arn:aws:secretsmanager:eu-west-2:${ACCOUNT}:mon-splunk-secret`, roleArn: role },
        bufferingSize: 1,
        bufferingInterval: 60,
        retryDuration: 300,
        s3BackupMode: "FailedEventsOnly",
        s3Configuration: { roleArn: role, bucketArn: `arn:aws:s3:eu-west-2:${ACCOUNT}:mon-failed-records`, prefix: "splunk/", errorOutputPrefix: "splunk/errors/", compressionFormat: "GZIP", kmsKeyArn: key },
        cloudwatchLoggingOptions: { enabled: true, logGroupName: "/aws/kinesisfirehose/connect-dr-monitoring-eu-west-2", logStreamName: "splunk" },
      });
      expect(stream.splunkConfiguration).to.not.have.property("hecToken");
      // Firehose reads a Splunk secret as {"hec_token": ...} ("Understand secrets", Firehose developer guide).
      expect(cloud.named("mon-splunk-secret").inputs.description).to.equal('Splunk HEC token for Firehose, as {"hec_token": "<token>"}; set by an operator');
    });

    it("keeps each token in its own CMK-encrypted secret without a value in state", () => {
      for (const d of ["splunk", "dynatrace"]) {
        expect(cloud.named(`mon-${d}-secret`).inputs).to.deep.include({ name: `connect-dr/monitoring/${d}-eu-west-2`, kmsKeyId: `arn:aws:kms:eu-west-2:${ACCOUNT}:mon-key`, recoveryWindowInDays: 30 });
      }
      expect(cloud.ofType("aws:secretsmanager/secretVersion:SecretVersion")).to.have.length(0);
    });

    it("gives each stream's role only its prefix, the key, its own secret and its log group", () => {
      const policy = JSON.parse(cloud.named("mon-dynatrace-role-policy").inputs.policy);
      expect(policy).to.deep.equal(
        firehoseRolePolicy({
          bucketArn: `arn:aws:s3:eu-west-2:${ACCOUNT}:mon-failed-records`,
          backupPrefix: "dynatrace",
          keyArn: `arn:aws:kms:eu-west-2:${ACCOUNT}:mon-key`,
          secretArn: `arn:aws:secretsmanager:eu-west-2:${ACCOUNT}:mon-dynatrace-secret`,
          logGroupArn: `arn:aws:logs:eu-west-2:${ACCOUNT}:mon-delivery-logs`,
        }),
      );
      for (const statement of policy.Statement) expect(statement.Resource).to.not.equal("*");
      const trust = JSON.parse(cloud.named("mon-dynatrace-role").inputs.assumeRolePolicy);
      expect(trust.Statement[0]).to.deep.include({ Principal: { Service: "firehose.amazonaws.com" }, Condition: { StringEquals: { "sts:ExternalId": ACCOUNT } } });
    });

    it("streams the chosen namespaces to Dynatrace in OpenTelemetry 0.7 through a role that may only put records", () => {
      expect(cloud.named("mon-dynatrace-metric-stream").inputs).to.deep.include({
        name: "connect-dr-dynatrace-eu-west-2",
        roleArn: `arn:aws:iam:eu-west-2:${ACCOUNT}:mon-dynatrace-metric-stream-role`,
        firehoseArn: STREAM_ARN("mon-dynatrace-stream"),
        outputFormat: "opentelemetry0.7",
        includeFilters: ["AWS/Connect", "AWS/Lambda", "AWS/DynamoDB", "AWS/S3", "AWS/Lex", "AWS/Firehose"].map((namespace) => ({ namespace })),
      });
      expect(JSON.parse(cloud.named("mon-dynatrace-metric-stream-role-policy").inputs.policy).Statement).to.deep.equal([
        { Sid: "PutRecords", Effect: "Allow", Action: ["firehose:PutRecord", "firehose:PutRecordBatch"], Resource: STREAM_ARN("mon-dynatrace-stream") },
      ]);
      expect(JSON.parse(cloud.named("mon-dynatrace-metric-stream-role").inputs.assumeRolePolicy).Statement[0].Principal).to.deep.equal({ Service: "streams.metrics.cloudwatch.amazonaws.com" });
    });

    it("routes Connect contact events and alarm state changes to the Splunk stream", () => {
      expect(JSON.parse(cloud.named("mon-splunk-events-rule").inputs.eventPattern)).to.deep.equal({
        source: ["aws.connect", "aws.cloudwatch"],
        "detail-type": ["Amazon Connect Contact Event", "CloudWatch Alarm State Change"],
      });
      expect(cloud.named("mon-splunk-events-target").inputs).to.deep.include({ arn: STREAM_ARN("mon-splunk-stream"), roleArn: `arn:aws:iam:eu-west-2:${ACCOUNT}:mon-splunk-events-role` });
    });

    it("backs failed records up to an SSE-KMS, versioned, private, TLS-only bucket; logs with CMK and 365 days", () => {
      expect(cloud.named("mon-failed-records-encryption").inputs.rules[0].applyServerSideEncryptionByDefault).to.deep.equal({ sseAlgorithm: "aws:kms", kmsMasterKeyId: `arn:aws:kms:eu-west-2:${ACCOUNT}:mon-key` });
      expect(cloud.named("mon-failed-records-versioning").inputs.versioningConfiguration).to.deep.equal({ status: "Enabled" });
      expect(cloud.named("mon-failed-records-public-access-block").inputs).to.include({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
      expect(JSON.parse(cloud.named("mon-failed-records-policy").inputs.policy).Statement.map((s: { Sid: string }) => s.Sid)).to.deep.equal(["DenyInsecureTransport", "DenyOutdatedTls"]);
      expect(cloud.named("mon-delivery-logs").inputs).to.deep.include({ kmsKeyId: `arn:aws:kms:eu-west-2:${ACCOUNT}:mon-key`, retentionInDays: 365 });
    });

    it("outputs streams and secrets by destination", async () => {
      expect(await resolve(m.deliveryStreamArns)).to.deep.equal({
        splunk: STREAM_ARN("mon-splunk-stream"),
        dynatrace: STREAM_ARN("mon-dynatrace-stream"),
      });
      expect(Object.keys(await resolve(m.destinationSecretArns))).to.deep.equal(["splunk", "dynatrace"]);
    });
  });

  describe("dashboard body", () => {
    const minimal = contactCenterDashboardBody({ region: "us-east-1", connectInstanceId: "i-1" });
    const full = contactCenterDashboardBody({
      region: "us-west-2",
      connectInstanceId: "i-1",
      recordingsReplication: { sourceBucket: "a", destinationBucket: "b", ruleId: "r" },
      globalTable: { tableName: "t", receivingRegions: ["us-east-1"] },
      healthCheckIds: { primary: "hc-1" },
      failoverAlarmArns: ["arn:alarm"],
      failoverFunctionName: "f",
    });
    const titles = (b: typeof full) => b.widgets.map((w) => w.properties.title);

    it("always charts concurrency, queues and flow errors; the rest only when given", () => {
      expect(titles(minimal)).to.deep.equal(["Connect concurrency", "Queues: size and longest wait", "Flow errors"]);
      expect(titles(full)).to.deep.equal([
        "Connect concurrency",
        "Queues: size and longest wait",
        "Flow errors",
        "Recordings replication (RTC bound: 15 min)",
        "DynamoDB global table replication latency",
        "Route 53 health checks (1 = healthy)",
        "Failover decision alarms",
        "Failover events (handler runs)",
      ]);
    });

    it("lays widgets out two per row on the 24-column grid", () => {
      expect(full.widgets.map((w) => [w.x, w.y, w.width, w.height])).to.deep.equal([
        [0, 0, 12, 6], [12, 0, 12, 6], [0, 6, 12, 6], [12, 6, 12, 6], [0, 12, 12, 6], [12, 12, 12, 6], [0, 18, 12, 6], [12, 18, 12, 6],
      ]);
    });

    it("uses the documented metrics and dimensions; Route 53 from us-east-1", () => {
      const byTitle = (t: string) => full.widgets.find((w) => w.properties.title === t)!.properties;
      expect((byTitle("Connect concurrency").metrics as unknown[][])[0]).to.deep.equal(["AWS/Connect", "ConcurrentCalls", "InstanceId", "i-1", "MetricGroup", "VoiceCalls", { stat: "Maximum" }]);
      expect(JSON.stringify(byTitle("Flow errors").metrics)).to.contain(`MetricName=\\"ContactFlowErrors\\" InstanceId=\\"i-1\\"`);
      expect(byTitle("DynamoDB global table replication latency").metrics).to.deep.equal([["AWS/DynamoDB", "ReplicationLatency", "TableName", "t", "ReceivingRegion", "us-east-1", { stat: "Average" }]]);
      expect((byTitle("Recordings replication (RTC bound: 15 min)").metrics as unknown[][])[0]).to.deep.equal(["AWS/S3", "ReplicationLatency", "SourceBucket", "a", "DestinationBucket", "b", "RuleId", "r", { stat: "Maximum" }]);
      expect(byTitle("Route 53 health checks (1 = healthy)")).to.deep.include({ region: "us-east-1", metrics: [["AWS/Route53", "HealthCheckStatus", "HealthCheckId", "hc-1", { stat: "Minimum", label: "primary" }]] });
      expect(byTitle("Failover decision alarms").alarms).to.deep.equal(["arn:alarm"]);
    });
  });

  describe("validation", () => {
    type Case = [string, ContactCenterMonitoringArgs, string, unknown, string];
    const cases: Case[] = [
      ["a Region name", args({ region: "London" }), "region", "London", "an AWS Region code"],
      ["Splunk without a URL", args({ enableSplunk: true }), "splunkHecUrl", null, "required when enableSplunk is true"],
      ["a plain-HTTP Splunk URL", args({ enableSplunk: true, splunkHecUrl: "http://hec.example.com" }), "splunkHecUrl", "http://hec.example.com", "an https:// URL"],
      [
        "a Splunk URL with the collector path",
        args({ enableSplunk: true, splunkHecUrl: "https://hec.example.com/services/collector/event" }),
        "splunkHecUrl",
        "https://hec.example.com/services/collector/event",
        "an https:// base URL without a path",
      ],
      ["a Dynatrace URL without the flag", args({ dynatraceEndpointUrl: DYNATRACE }), "dynatraceEndpointUrl", DYNATRACE, "set enableDynatrace: true"],
      ["an Input as the flag", args({ enableSplunk: "true" as unknown as boolean, splunkHecUrl: SPLUNK }), "enableSplunk", "true", "a plain boolean"],
      ["namespaces without Dynatrace", args({ streamedNamespaces: ["AWS/Connect"] }), "streamedNamespaces", ["AWS/Connect"], "only with enableDynatrace"],
      ["a global table replicating to itself", args({ globalTable: { tableName: "t", receivingRegions: ["eu-west-2"] } }), "globalTable.receivingRegions", "eu-west-2", "other than this Region"],
      ["a dashboard name with spaces", args({ dashboardName: "my dashboard" }), "dashboardName", "my dashboard", "letters, digits"],
    ];
    for (const [title, a, argument, value, allowed] of cases) {
      it(`rejects ${title} before creating any child`, async () => {
        const cloud = new MockCloud().install();
        let error: unknown;
        try {
          new ContactCenterMonitoring("bad", a);
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(ArgumentError);
        const err = error as ArgumentError;
        expect({ component: err.component, argument: err.argument, value: err.value }).to.deep.equal({ component: "ContactCenterMonitoring", argument, value });
        expect(err.message).to.contain(allowed);
        await settle();
        expect(cloud.declared().filter((r) => r.type !== "connect-dr:monitoring:ContactCenterMonitoring")).to.deep.equal([]);
      });
    }
  });
});
