import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { MockCloud, RecordedResource, resolve, settle } from "../../../tools/synthesis/mock-cloud";
import { ArgumentError } from "../../../components/argument-error";
import {
  DATA_CLASS_TAG,
  RECORDINGS_DATA_CLASS,
  ReplicatedRecordings,
  ReplicatedRecordingsArgs,
} from "../../../components/storage/replicated-recordings";
import {
  DATA_CLASS_TAG as POLICY_DATA_CLASS_TAG,
  RECORDINGS_DATA_CLASS as POLICY_RECORDINGS_DATA_CLASS,
} from "../../../policies/rules/s3-recordings-replication-rtc";

const WORKLOAD = "111122223333";
const VAULT = "444455556666";

function providerFor(name: string, region: string, account: string): aws.Provider {
  return new aws.Provider(name, { region, assumeRoles: [{ roleArn: `arn:aws:iam::${account}:role/ConnectDrDeployer` }] });
}

interface Setup {
  readonly cloud: MockCloud;
  readonly component: ReplicatedRecordings;
}

/** Cross-account, cross-Region: workload us-east-1 -> vault us-west-2. */
function crossAccount(overrides: Partial<ReplicatedRecordingsArgs> = {}): Setup {
  const cloud = new MockCloud().install();
  const main = providerFor("workload-us-east-1", "us-east-1", WORKLOAD);
  const vault = providerFor("vault-us-west-2", "us-west-2", VAULT);
  const component = new ReplicatedRecordings(
    "rec",
    { sourceAccountId: WORKLOAD, destinationAccountId: VAULT, replicaProvider: vault, retentionDays: 400, ...overrides },
    { provider: main },
  );
  return { cloud, component };
}

/** Same account, cross-Region: workload us-east-1 -> workload us-west-2. */
function sameAccount(): Setup {
  const cloud = new MockCloud().install();
  const main = providerFor("workload-us-east-1", "us-east-1", WORKLOAD);
  const dr = providerFor("workload-us-west-2", "us-west-2", WORKLOAD);
  const component = new ReplicatedRecordings(
    "rec",
    { sourceAccountId: WORKLOAD, destinationAccountId: WORKLOAD, replicaProvider: dr, retentionDays: 90 },
    { provider: main },
  );
  return { cloud, component };
}

const policyOf = (r: RecordedResource, field = "policy") => JSON.parse(r.inputs[field]);
const statementsOf = (r: RecordedResource, field = "policy") => policyOf(r, field).Statement as any[];

const bucketSettingTypes: Record<string, string> = {
  "": "aws:s3/bucket:Bucket",
  "-key": "aws:kms/key:Key",
  "-versioning": "aws:s3/bucketVersioning:BucketVersioning",
  "-encryption": "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  "-public-access-block": "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  "-ownership": "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
  "-policy": "aws:s3/bucketPolicy:BucketPolicy",
  "-lifecycle": "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
};

function expectedChildren(options: { objectLock: boolean }): string[] {
  const rows = ["connect-dr:storage:ReplicatedRecordings rec"];
  for (const side of ["source", "destination"]) {
    for (const [suffix, type] of Object.entries(bucketSettingTypes)) rows.push(`${type} rec-${side}${suffix}`);
  }
  if (options.objectLock) rows.push("aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration rec-destination-object-lock");
  rows.push(
    "aws:iam/role:Role rec-replication-role",
    "aws:iam/rolePolicy:RolePolicy rec-replication-policy",
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig rec-replication",
    "aws:cloudwatch/metricAlarm:MetricAlarm rec-replication-latency-alarm",
    "aws:cloudwatch/metricAlarm:MetricAlarm rec-replication-failures-alarm",
  );
  return rows.sort();
}

const TLS_STATEMENTS = (bucketArn: string) => [
  {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  },
  {
    Sid: "DenyOutdatedTls",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
  },
];

// Deterministic ARNs from MockCloud: arn:aws:<service>:<provider region>:<provider account>:<name>.
const SOURCE_BUCKET = `arn:aws:s3:us-east-1:${WORKLOAD}:rec-source`;
const SOURCE_KEY = `arn:aws:kms:us-east-1:${WORKLOAD}:rec-source-key`;
const ROLE = `arn:aws:iam:us-east-1:${WORKLOAD}:rec-replication-role`;

describe("ReplicatedRecordings", () => {
  describe("cross-account (workload -> backup vault, other Region)", () => {
    it("declares exactly the expected children, with the expected types and names", async () => {
      const { cloud } = crossAccount();
      await settle();
      expect(cloud.declared().map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal(expectedChildren({ objectLock: false }));
    });

    it("puts the source side, role, replication and alarms in the workload account and the destination side in the vault", async () => {
      const { cloud } = crossAccount();
      await settle();
      for (const r of cloud.declared().filter((c) => c.custom)) {
        const expected = r.name.startsWith("rec-destination")
          ? { providerName: "vault-us-west-2", account: VAULT, region: "us-west-2" }
          : { providerName: "workload-us-east-1", account: WORKLOAD, region: "us-east-1" };
        expect(r, r.name).to.include(expected);
      }
    });

    it("encrypts each bucket with its own rotating CMK and bucket keys", async () => {
      const { cloud } = crossAccount();
      await settle();
      for (const [side, account, region] of [["source", WORKLOAD, "us-east-1"], ["destination", VAULT, "us-west-2"]]) {
        expect(cloud.named(`rec-${side}-key`).inputs).to.include({ enableKeyRotation: true, deletionWindowInDays: 30 });
        expect(cloud.named(`rec-${side}-encryption`).inputs).to.deep.equal({
          bucket: `rec-${side}-id`,
          rules: [
            {
              applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: `arn:aws:kms:${region}:${account}:rec-${side}-key` },
              bucketKeyEnabled: true,
            },
          ],
        });
      }
    });

    it("tags the source as recordings and the destination as their replica, without Object Lock by default", async () => {
      const { cloud } = crossAccount();
      await settle();
      expect(cloud.named("rec-source").inputs).to.deep.equal({ tags: { "connect-dr:data-class": "recordings" } });
      expect(cloud.named("rec-destination").inputs).to.deep.equal({ tags: { "connect-dr:data-class": "recordings-replica" } });
    });

    it("uses the data-class tag the policy pack's RTC rule looks for", () => {
      expect(DATA_CLASS_TAG).to.equal(POLICY_DATA_CLASS_TAG);
      expect(RECORDINGS_DATA_CLASS).to.equal(POLICY_RECORDINGS_DATA_CLASS);
    });

    it("versions, blocks public access, enforces bucket-owner ownership and TLS on both buckets", async () => {
      const { cloud } = crossAccount();
      await settle();
      for (const side of ["source", "destination"]) {
        expect(cloud.named(`rec-${side}-versioning`).inputs).to.deep.equal({ bucket: `rec-${side}-id`, versioningConfiguration: { status: "Enabled" } });
        expect(cloud.named(`rec-${side}-public-access-block`).inputs).to.deep.equal({
          bucket: `rec-${side}-id`,
          blockPublicAcls: true,
          blockPublicPolicy: true,
          ignorePublicAcls: true,
          restrictPublicBuckets: true,
        });
        expect(cloud.named(`rec-${side}-ownership`).inputs).to.deep.equal({ bucket: `rec-${side}-id`, rule: { objectOwnership: "BucketOwnerEnforced" } });
      }
      expect(statementsOf(cloud.named("rec-source-policy"))).to.deep.equal(TLS_STATEMENTS(SOURCE_BUCKET));
    });

    it("grants the source account's replication role on the destination bucket and replica key", async () => {
      const { cloud } = crossAccount();
      await settle();
      const destination = `arn:aws:s3:us-west-2:${VAULT}:rec-destination`;
      expect(statementsOf(cloud.named("rec-destination-policy"))).to.deep.equal([
        ...TLS_STATEMENTS(destination),
        {
          Sid: "AllowSourceReplicationRoleToReplicate",
          Effect: "Allow",
          Principal: { AWS: ROLE },
          Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags", "s3:ObjectOwnerOverrideToBucketOwner"],
          Resource: `${destination}/*`,
        },
        {
          Sid: "AllowSourceReplicationRoleToCheckVersioning",
          Effect: "Allow",
          Principal: { AWS: ROLE },
          Action: "s3:GetBucketVersioning",
          Resource: destination,
        },
      ]);
      expect(statementsOf(cloud.named("rec-destination-key"))).to.deep.equal([
        { Sid: "EnableIamPoliciesOfOwningAccount", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${VAULT}:root` }, Action: "kms:*", Resource: "*" },
        {
          Sid: "AllowSourceReplicationRoleToEncryptReplicas",
          Effect: "Allow",
          Principal: { AWS: ROLE },
          Action: ["kms:Encrypt", "kms:GenerateDataKey"],
          Resource: "*",
        },
      ]);
      expect(statementsOf(cloud.named("rec-source-key"))).to.deep.equal([
        { Sid: "EnableIamPoliciesOfOwningAccount", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${WORKLOAD}:root` }, Action: "kms:*", Resource: "*" },
      ]);
    });

    it("gives the replication role exactly the replication permissions, none on '*'", async () => {
      const { cloud } = crossAccount();
      await settle();
      expect(policyOf(cloud.named("rec-replication-role"), "assumeRolePolicy")).to.deep.equal({
        Version: "2012-10-17",
        Statement: [{ Sid: "AllowS3ToAssumeForReplication", Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }],
      });
      const policy = cloud.named("rec-replication-policy");
      expect(policy.inputs.role).to.equal("rec-replication-role-id");
      const destination = `arn:aws:s3:us-west-2:${VAULT}:rec-destination`;
      const statements = statementsOf(policy);
      expect(statements).to.deep.equal([
        { Sid: "ReadSourceReplicationConfiguration", Effect: "Allow", Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"], Resource: SOURCE_BUCKET },
        {
          Sid: "ReadSourceObjectVersions",
          Effect: "Allow",
          Action: ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"],
          Resource: `${SOURCE_BUCKET}/*`,
        },
        {
          Sid: "WriteReplicas",
          Effect: "Allow",
          Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags", "s3:ObjectOwnerOverrideToBucketOwner"],
          Resource: `${destination}/*`,
        },
        {
          Sid: "DecryptSourceObjects",
          Effect: "Allow",
          Action: "kms:Decrypt",
          Resource: SOURCE_KEY,
          Condition: {
            StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" },
            StringLike: { "kms:EncryptionContext:aws:s3:arn": [SOURCE_BUCKET, `${SOURCE_BUCKET}/*`] },
          },
        },
        {
          Sid: "EncryptReplicas",
          Effect: "Allow",
          Action: ["kms:Encrypt", "kms:GenerateDataKey"],
          Resource: `arn:aws:kms:us-west-2:${VAULT}:rec-destination-key`,
          Condition: {
            StringEquals: { "kms:ViaService": "s3.us-west-2.amazonaws.com" },
            StringLike: { "kms:EncryptionContext:aws:s3:arn": [destination, `${destination}/*`] },
          },
        },
      ]);
      for (const s of statements) {
        expect([s.Action].flat(), s.Sid).to.not.include("*");
        expect([s.Resource].flat(), s.Sid).to.not.include("*");
      }
    });

    it("replicates with RTC and metrics at 15 minutes, delete markers, SSE-KMS objects, the replica key and owner translation", async () => {
      const { cloud } = crossAccount();
      await settle();
      expect(cloud.named("rec-replication").inputs).to.deep.equal({
        bucket: "rec-source-id",
        role: ROLE,
        rules: [
          {
            id: "replicate-recordings",
            status: "Enabled",
            priority: 1,
            filter: {},
            deleteMarkerReplication: { status: "Enabled" },
            sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
            destination: {
              bucket: `arn:aws:s3:us-west-2:${VAULT}:rec-destination`,
              account: VAULT,
              accessControlTranslation: { owner: "Destination" },
              encryptionConfiguration: { replicaKmsKeyId: `arn:aws:kms:us-west-2:${VAULT}:rec-destination-key` },
              replicationTime: { status: "Enabled", time: { minutes: 15 } },
              metrics: { status: "Enabled", eventThreshold: { minutes: 15 } },
            },
          },
        ],
      });
    });

    it("expires current and noncurrent versions on both buckets from retentionDays", async () => {
      const { cloud } = crossAccount({ retentionDays: 365, noncurrentVersionExpirationDays: 14 });
      await settle();
      for (const side of ["source", "destination"]) {
        expect(cloud.named(`rec-${side}-lifecycle`).inputs).to.deep.equal({
          bucket: `rec-${side}-id`,
          rules: [
            {
              id: "expire-recordings",
              status: "Enabled",
              filter: {},
              expiration: { days: 365 },
              noncurrentVersionExpiration: { noncurrentDays: 14 },
              abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
            },
          ],
        });
      }
    });

    it("alarms on replication latency (default 900 s) and on any failed replication, in the source Region", async () => {
      const { cloud } = crossAccount();
      await settle();
      const dimensions = { SourceBucket: "rec-source-id", DestinationBucket: "rec-destination-id", RuleId: "replicate-recordings" };
      expect(cloud.named("rec-replication-latency-alarm").inputs).to.deep.include({
        namespace: "AWS/S3",
        metricName: "ReplicationLatency",
        dimensions,
        statistic: "Maximum",
        comparisonOperator: "GreaterThanThreshold",
        threshold: 900,
        alarmActions: [],
        okActions: [],
      });
      expect(cloud.named("rec-replication-failures-alarm").inputs).to.deep.include({
        namespace: "AWS/S3",
        metricName: "OperationsFailedReplication",
        dimensions,
        statistic: "Sum",
        comparisonOperator: "GreaterThanThreshold",
        threshold: 0,
      });
    });

    it("passes the latency threshold and alarm actions through", async () => {
      const topic = "arn:aws:sns:us-east-1:111122223333:dr-pager";
      const { cloud } = crossAccount({ replicationLatencyThresholdSeconds: 600, alarmActions: [topic] });
      await settle();
      expect(cloud.named("rec-replication-latency-alarm").inputs).to.deep.include({ threshold: 600, alarmActions: [topic], okActions: [topic] });
      expect(cloud.named("rec-replication-failures-alarm").inputs).to.deep.include({ alarmActions: [topic], okActions: [topic] });
    });

    it("creates the destination with Object Lock and its default retention when asked", async () => {
      const { cloud } = crossAccount({ destinationObjectLockEnabled: true, destinationObjectLockMode: "COMPLIANCE", destinationObjectLockDays: 365 });
      await settle();
      expect(cloud.declared().map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal(expectedChildren({ objectLock: true }));
      expect(cloud.named("rec-destination").inputs).to.deep.equal({ objectLockEnabled: true, tags: { "connect-dr:data-class": "recordings-replica" } });
      expect(cloud.named("rec-source").inputs).to.deep.equal({ tags: { "connect-dr:data-class": "recordings" } });
      const lock = cloud.named("rec-destination-object-lock");
      expect(lock.inputs).to.deep.equal({ bucket: "rec-destination-id", rule: { defaultRetention: { mode: "COMPLIANCE", days: 365 } } });
      expect(lock).to.include({ account: VAULT, region: "us-west-2" });
    });

    it("defaults the Object Lock mode to GOVERNANCE", async () => {
      const { cloud } = crossAccount({ destinationObjectLockEnabled: true, destinationObjectLockDays: 30 });
      await settle();
      expect(cloud.named("rec-destination-object-lock").inputs.rule).to.deep.equal({ defaultRetention: { mode: "GOVERNANCE", days: 30 } });
    });

    it("exposes bucket names and ARNs, key ARNs and the role ARN", async () => {
      const { component } = crossAccount();
      expect(await resolve(component.sourceBucketName)).to.equal("rec-source-id");
      expect(await resolve(component.destinationBucketName)).to.equal("rec-destination-id");
      expect(await resolve(component.sourceBucketArn)).to.equal(SOURCE_BUCKET);
      expect(await resolve(component.destinationBucketArn)).to.equal(`arn:aws:s3:us-west-2:${VAULT}:rec-destination`);
      expect(await resolve(component.sourceKeyArn)).to.equal(SOURCE_KEY);
      expect(await resolve(component.destinationKeyArn)).to.equal(`arn:aws:kms:us-west-2:${VAULT}:rec-destination-key`);
      expect(await resolve(component.replicationRoleArn)).to.equal(ROLE);
    });
  });

  describe("same account (other Region)", () => {
    it("declares the same children, the destination in the same account's DR Region", async () => {
      const { cloud } = sameAccount();
      await settle();
      expect(cloud.declared().map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal(expectedChildren({ objectLock: false }));
      expect(cloud.named("rec-destination")).to.include({ providerName: "workload-us-west-2", account: WORKLOAD, region: "us-west-2" });
      expect(cloud.named("rec-source")).to.include({ providerName: "workload-us-east-1", account: WORKLOAD, region: "us-east-1" });
    });

    it("grants nothing cross-account and does not translate ownership", async () => {
      const { cloud } = sameAccount();
      await settle();
      const destination = `arn:aws:s3:us-west-2:${WORKLOAD}:rec-destination`;
      expect(statementsOf(cloud.named("rec-destination-policy"))).to.deep.equal(TLS_STATEMENTS(destination));
      expect(statementsOf(cloud.named("rec-destination-key"))).to.deep.equal([
        { Sid: "EnableIamPoliciesOfOwningAccount", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${WORKLOAD}:root` }, Action: "kms:*", Resource: "*" },
      ]);
      const writeReplicas = statementsOf(cloud.named("rec-replication-policy")).find((s) => s.Sid === "WriteReplicas");
      expect(writeReplicas.Action).to.deep.equal(["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"]);
      const destinationSettings = cloud.named("rec-replication").inputs.rules[0].destination;
      expect(destinationSettings).to.not.have.any.keys("account", "accessControlTranslation");
      expect(destinationSettings.encryptionConfiguration).to.deep.equal({ replicaKmsKeyId: `arn:aws:kms:us-west-2:${WORKLOAD}:rec-destination-key` });
    });
  });

  describe("validation", () => {
    const vault = () => providerFor("vault-us-west-2", "us-west-2", VAULT);
    const valid = (): ReplicatedRecordingsArgs => ({ sourceAccountId: WORKLOAD, destinationAccountId: VAULT, replicaProvider: vault(), retentionDays: 400 });

    const cases: Array<[string, (a: ReplicatedRecordingsArgs) => Partial<Record<keyof ReplicatedRecordingsArgs, unknown>>, string]> = [
      ["a short source account", () => ({ sourceAccountId: "1111" }), `invalid 'sourceAccountId' = "1111"; expected a 12-digit AWS account id`],
      ["a non-numeric destination account", () => ({ destinationAccountId: "vault" }), `invalid 'destinationAccountId' = "vault"; expected a 12-digit AWS account id`],
      ["a missing replica provider", () => ({ replicaProvider: undefined }), `invalid 'replicaProvider' = undefined; expected the aws.Provider of the destination account and Region`],
      ["a provider that is not an aws.Provider", () => ({ replicaProvider: { region: "us-west-2" } }), `invalid 'replicaProvider' = "(not an aws.Provider)"`],
      ["zero retention", () => ({ retentionDays: 0 }), `invalid 'retentionDays' = 0; expected a whole number of days, at least 1`],
      ["fractional retention", () => ({ retentionDays: 30.5 }), `invalid 'retentionDays' = 30.5; expected a whole number of days, at least 1`],
      ["negative noncurrent expiry", () => ({ noncurrentVersionExpirationDays: -1 }), `invalid 'noncurrentVersionExpirationDays' = -1; expected a whole number of days, at least 1`],
      ["a zero latency threshold", () => ({ replicationLatencyThresholdSeconds: 0 }), `invalid 'replicationLatencyThresholdSeconds' = 0; expected a number of seconds greater than 0`],
      ["Object Lock without days", () => ({ destinationObjectLockEnabled: true }), `invalid 'destinationObjectLockDays' = undefined; expected a whole number of days from 1 to 36500 when destinationObjectLockEnabled is true`],
      ["an unknown Object Lock mode", () => ({ destinationObjectLockEnabled: true, destinationObjectLockDays: 30, destinationObjectLockMode: "LEGAL_HOLD" }), `invalid 'destinationObjectLockMode' = "LEGAL_HOLD"; expected one of GOVERNANCE, COMPLIANCE`],
      ["a lock longer than the retention", () => ({ destinationObjectLockEnabled: true, destinationObjectLockDays: 401 }), `invalid 'destinationObjectLockDays' = 401; an Object Lock of 401 days outlives the 400-day retention; lock days must be at most retentionDays`],
      ["lock days without the flag", () => ({ destinationObjectLockDays: 30 }), `invalid 'destinationObjectLockDays' = 30; allowed only with destinationObjectLockEnabled: true`],
      ["a lock mode with the flag off", () => ({ destinationObjectLockEnabled: false, destinationObjectLockMode: "COMPLIANCE" }), `invalid 'destinationObjectLockMode' = "COMPLIANCE"; allowed only with destinationObjectLockEnabled: true`],
      ["a non-boolean lock flag", () => ({ destinationObjectLockEnabled: "yes" }), `invalid 'destinationObjectLockEnabled' = "yes"; expected true or false`],
    ];

    for (const [label, change, message] of cases) {
      it(`refuses ${label} before creating any child`, async () => {
        const cloud = new MockCloud().install();
        const args = { ...valid() } as ReplicatedRecordingsArgs;
        const bad = { ...args, ...change(args) } as ReplicatedRecordingsArgs;
        let thrown: unknown;
        try {
          new ReplicatedRecordings("rec", bad);
        } catch (e) {
          thrown = e;
        }
        expect(thrown).to.be.instanceOf(ArgumentError);
        expect((thrown as Error).message).to.contain(`ReplicatedRecordings: ${message}`);
        await settle();
        expect(cloud.declared()).to.deep.equal([]);
      });
    }
  });
});
