import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { MockCloud, settle } from "../../../tools/synthesis/mock-cloud";
import { ArgumentError } from "../../../components/argument-error";
import { archivePrefixes, ContactRecordsArchive, ContactRecordsArchiveArgs } from "../../../components/storage/contact-records-archive";
import { deliveryRolePolicy } from "../../../components/storage/archive-delivery";
import { ARCHIVED_STREAM_CLASSES, CONTACT_RECORDS_DATA_CLASS, DATA_CLASS_TAG, REPLICA_CLASS } from "../../../policies/inspection/data-class";

const WORKLOAD = "111122223333";
const VAULT = "444455556666";
const CTR_STREAM = `arn:aws:kinesis:us-east-1:${WORKLOAD}:stream/cc-contact-trace-records`;
const AGENT_STREAM = `arn:aws:kinesis:us-east-1:${WORKLOAD}:stream/cc-agent-events`;
const STREAM_KEY = `arn:aws:kms:us-east-1:${WORKLOAD}:key/connect`;

const providerFor = (name: string, region: string, account: string) =>
  new aws.Provider(name, { region, assumeRoles: [{ roleArn: `arn:aws:iam::${account}:role/ConnectDrDeployer` }] });

function archive(overrides: Partial<ContactRecordsArchiveArgs> = {}) {
  const cloud = new MockCloud().install();
  const vault = providerFor("vault-us-west-2", "us-west-2", VAULT);
  const component = new ContactRecordsArchive(
    "ctr",
    {
      sourceAccountId: WORKLOAD,
      destinationAccountId: VAULT,
      replicaProvider: vault,
      retentionDays: 400,
      contactTraceRecordsStreamArn: CTR_STREAM,
      agentEventsStreamArn: AGENT_STREAM,
      streamKeyArn: STREAM_KEY,
      ...overrides,
    },
    { provider: providerFor("workload-us-east-1", "us-east-1", WORKLOAD) },
  );
  return { cloud, component };
}

// MockCloud's deterministic ARNs: arn:aws:<service>:<provider region>:<provider account>:<name>.
const BUCKET = `arn:aws:s3:us-east-1:${WORKLOAD}:ctr-source`;
const BUCKET_KEY = `arn:aws:kms:us-east-1:${WORKLOAD}:ctr-source-key`;

describe("ContactRecordsArchive", () => {
  // One synthesis of the defaults serves the read-only assertions.
  let shared: MockCloud;
  before(async () => {
    shared = archive().cloud;
    await settle();
  });

  it("declares exactly the replicated bucket pair plus, per stream, a role, its policy, a delivery stream and a freshness alarm", async () => {
    const cloud = shared;
    const bucket = ["", "-key", "-versioning", "-encryption", "-public-access-block", "-ownership", "-policy", "-lifecycle"];
    const expected = [
      "ctr",
      ...["source", "destination"].flatMap((side) => bucket.map((s) => `ctr-${side}${s}`)),
      "ctr-replication-role", "ctr-replication-policy", "ctr-replication", "ctr-replication-latency-alarm", "ctr-replication-failures-alarm",
      ...["contact-trace-records", "agent-events"].flatMap((s) => [`ctr-${s}-role`, `ctr-${s}-role-policy`, `ctr-${s}-delivery`, `ctr-${s}-freshness-alarm`]),
    ];
    expect(cloud.declared().map((r) => r.name).sort()).to.deep.equal(expected.sort());
    expect(cloud.named("ctr").type).to.equal("connect-dr:storage:ContactRecordsArchive");
    expect(cloud.named("ctr-agent-events-delivery").type).to.equal("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream");
    // Everything in the workload account here except the vault side.
    for (const r of cloud.declared().filter((c) => c.custom)) {
      expect(r, r.name).to.include(r.name.startsWith("ctr-destination") ? { account: VAULT, region: "us-west-2" } : { account: WORKLOAD, region: "us-east-1" });
    }
  });

  it("tags the buckets with the classes the policy pack's archive contract names", async () => {
    const cloud = shared;
    expect(cloud.named("ctr-source").inputs.tags).to.deep.equal({ [DATA_CLASS_TAG]: CONTACT_RECORDS_DATA_CLASS });
    expect(cloud.named("ctr-destination").inputs.tags).to.deep.equal({ [DATA_CLASS_TAG]: REPLICA_CLASS[CONTACT_RECORDS_DATA_CLASS] });
  });

  it("encrypts both buckets with rotating CMKs, blocks public access and replicates with RTC to the vault's key", async () => {
    const cloud = shared;
    for (const side of ["source", "destination"]) {
      expect(cloud.named(`ctr-${side}-key`).inputs).to.include({ enableKeyRotation: true, deletionWindowInDays: 30 });
      expect(cloud.named(`ctr-${side}-public-access-block`).inputs).to.include({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
      const policy = JSON.parse(cloud.named(`ctr-${side}-policy`).inputs.policy);
      expect(policy.Statement[0]).to.deep.include({ Sid: "DenyInsecureTransport", Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } });
    }
    const rule = cloud.named("ctr-replication").inputs.rules[0];
    expect(rule.id).to.equal("replicate-contact-records");
    expect(rule.destination).to.deep.include({
      account: VAULT,
      replicationTime: { status: "Enabled", time: { minutes: 15 } },
      encryptionConfiguration: { replicaKmsKeyId: `arn:aws:kms:us-west-2:${VAULT}:ctr-destination-key` },
    });
    expect(cloud.named("ctr-source-lifecycle").inputs.rules[0]).to.deep.include({ id: "expire-contact-records", expiration: { days: 400 } });
  });

  for (const stream of ARCHIVED_STREAM_CLASSES) {
    it(`delivers ${stream} from its Kinesis stream to date-partitioned GZIP objects under the bucket's CMK`, async () => {
      const cloud = shared;
      const delivery = cloud.named(`ctr-${stream}-delivery`).inputs;
      const role = `arn:aws:iam:us-east-1:${WORKLOAD}:ctr-${stream}-role`;
      expect(delivery.destination).to.equal("extended_s3");
      expect(delivery.kinesisSourceConfiguration).to.deep.equal({ kinesisStreamArn: stream === "agent-events" ? AGENT_STREAM : CTR_STREAM, roleArn: role });
      expect(delivery.extendedS3Configuration).to.deep.equal({
        roleArn: role,
        bucketArn: BUCKET,
        prefix: `${stream}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/`,
        errorOutputPrefix: `${stream}/errors/!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/`,
        compressionFormat: "GZIP",
        kmsKeyArn: BUCKET_KEY,
        bufferingInterval: 300,
        bufferingSize: 64,
      });
      const alarm = cloud.named(`ctr-${stream}-freshness-alarm`).inputs;
      expect(alarm).to.include({ namespace: "AWS/Firehose", metricName: "DeliveryToS3.DataFreshness", threshold: 900 });
    });
  }

  it("trusts Firehose of this account only and grants the delivery role its one stream and prefix", async () => {
    const cloud = shared;
    const trust = JSON.parse(cloud.named("ctr-agent-events-role").inputs.assumeRolePolicy);
    expect(trust.Statement).to.deep.equal([
      { Sid: "AllowFirehoseOfThisAccount", Effect: "Allow", Principal: { Service: "firehose.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": WORKLOAD } } },
    ]);
    const policy = JSON.parse(cloud.named("ctr-agent-events-role-policy").inputs.policy);
    // The actions of "Grant Firehose access to an Amazon S3 destination" (Amazon Data Firehose Developer Guide).
    expect(policy.Statement.flatMap((s: { Action: string | string[] }) => s.Action).sort()).to.deep.equal(
      ["kinesis:DescribeStream", "kinesis:GetShardIterator", "kinesis:GetRecords", "kinesis:ListShards", "kms:Decrypt", "s3:GetBucketLocation", "s3:ListBucket",
        "s3:ListBucketMultipartUploads", "s3:AbortMultipartUpload", "s3:GetObject", "s3:PutObject", "kms:GenerateDataKey", "kms:Decrypt"].sort(),
    );
    expect(policy.Statement.flatMap((s: { Resource: string | string[] }) => s.Resource)).to.have.members([AGENT_STREAM, STREAM_KEY, BUCKET, `${BUCKET}/agent-events/*`, BUCKET_KEY]);
  });

  it("passes buffering, freshness threshold and alarm actions through", async () => {
    const { cloud } = archive({ bufferingIntervalSeconds: 60, bufferingSizeMiB: 5, deliveryFreshnessThresholdSeconds: 600, alarmActions: ["arn:aws:sns:us-east-1:111122223333:t"] });
    await settle();
    expect(cloud.named("ctr-contact-trace-records-delivery").inputs.extendedS3Configuration).to.include({ bufferingInterval: 60, bufferingSize: 5 });
    expect(cloud.named("ctr-contact-trace-records-freshness-alarm").inputs).to.deep.include({ threshold: 600, alarmActions: ["arn:aws:sns:us-east-1:111122223333:t"] });
  });

  const bad: [string, Partial<ContactRecordsArchiveArgs>, string][] = [
    ["a buffering interval over 900 s", { bufferingIntervalSeconds: 901 }, `invalid 'bufferingIntervalSeconds' = 901; expected whole seconds from 0 to 900`],
    ["a buffer over 128 MiB", { bufferingSizeMiB: 129 }, `invalid 'bufferingSizeMiB' = 129; expected whole MiB from 1 to 128`],
    ["a missing stream", { agentEventsStreamArn: undefined }, `invalid 'agentEventsStreamArn' = undefined; expected the ARN (or an Output of it) from ConnectRegion`],
    ["a bad vault account", { destinationAccountId: "vault" }, `invalid 'destinationAccountId' = "vault"; expected a 12-digit AWS account id`],
  ];
  for (const [what, change, message] of bad) {
    it(`refuses ${what} before declaring anything`, async () => {
      const cloud = new MockCloud().install();
      const vault = providerFor("vault-us-west-2", "us-west-2", VAULT);
      const args = { sourceAccountId: WORKLOAD, destinationAccountId: VAULT, replicaProvider: vault, retentionDays: 400, contactTraceRecordsStreamArn: CTR_STREAM, agentEventsStreamArn: AGENT_STREAM, streamKeyArn: STREAM_KEY, ...change };
      expect(() => new ContactRecordsArchive("ctr", args)).to.throw(ArgumentError, `ContactRecordsArchive: ${message}`);
      await settle();
      expect(cloud.declared().filter((r) => r.custom)).to.deep.equal([]);
    });
  }
});

describe("archive delivery (pure)", () => {
  it("keeps each stream under its own root, data and errors alike", () => {
    for (const stream of ["contact-trace-records", "agent-events"] as const) {
      const p = archivePrefixes(stream);
      expect(p.prefix.startsWith(p.root) && p.errorOutputPrefix.startsWith(p.root)).to.equal(true);
      expect(p.errorOutputPrefix).to.contain("!{firehose:error-output-type}");
    }
  });

  it("confines key use to the service and Region of each key and to the stream or bucket", () => {
    const doc = deliveryRolePolicy({ streamArn: CTR_STREAM, streamKeyArn: STREAM_KEY, bucketArn: "arn:aws:s3:::b", bucketKeyArn: "arn:aws:kms:us-east-1:1:key/b", root: "contact-trace-records/" });
    const byId = Object.fromEntries(doc.Statement.map((s) => [s.Sid, s]));
    expect(byId.DecryptSourceStream.Condition).to.deep.equal({ StringEquals: { "kms:ViaService": "kinesis.us-east-1.amazonaws.com", "kms:EncryptionContext:aws:kinesis:arn": CTR_STREAM } });
    expect(byId.EncryptArchiveObjects.Condition).to.deep.equal({
      StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" },
      StringLike: { "kms:EncryptionContext:aws:s3:arn": ["arn:aws:s3:::b", "arn:aws:s3:::b/contact-trace-records/*"] },
    });
  });
});
