import { expect } from "chai";
import { destinationBucketPolicy, replicaWriteActions, sourceBucketPolicy, tlsOnlyStatements } from "../../../components/storage/bucket-policies";
import { bucketKeyPolicy } from "../../../components/storage/key-policies";
import { replicationRolePolicy, replicationTrustPolicy } from "../../../components/storage/replication-role-policy";

const SRC = "arn:aws:s3:::recordings-src";
const DST = "arn:aws:s3:::recordings-dst";
const SRC_KEY = "arn:aws:kms:eu-central-1:111122223333:key/aaaa";
const DST_KEY = "arn:aws:kms:eu-west-2:444455556666:key/bbbb";
const ROLE = "arn:aws:iam::111122223333:role/rec-replication";

describe("bucket policies", () => {
  it("denies plain HTTP and TLS below 1.2 on the bucket and its objects", () => {
    expect(tlsOnlyStatements(SRC)).to.deep.equal([
      { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [SRC, `${SRC}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
      { Sid: "DenyOutdatedTls", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [SRC, `${SRC}/*`], Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } } },
    ]);
  });

  it("source policy is the TLS statements in a 2012-10-17 document", () => {
    expect(sourceBucketPolicy(SRC)).to.deep.equal({ Version: "2012-10-17", Statement: tlsOnlyStatements(SRC) });
  });

  const writeActions: Array<[boolean, string[]]> = [
    [false, ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"]],
    [true, ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags", "s3:ObjectOwnerOverrideToBucketOwner"]],
  ];
  for (const [crossAccount, actions] of writeActions) {
    it(`replica write actions, crossAccount=${crossAccount}`, () => expect(replicaWriteActions(crossAccount)).to.deep.equal(actions));
  }

  it("destination policy without a foreign role is TLS only", () => {
    expect(destinationBucketPolicy({ bucketArn: DST }).Statement).to.deep.equal(tlsOnlyStatements(DST));
  });

  it("destination policy grants a foreign replication role replica writes and the versioning check, nothing more", () => {
    const statements = destinationBucketPolicy({ bucketArn: DST, crossAccountReplicationRoleArn: ROLE }).Statement;
    expect(statements.slice(2)).to.deep.equal([
      {
        Sid: "AllowSourceReplicationRoleToReplicate",
        Effect: "Allow",
        Principal: { AWS: ROLE },
        Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags", "s3:ObjectOwnerOverrideToBucketOwner"],
        Resource: `${DST}/*`,
      },
      { Sid: "AllowSourceReplicationRoleToCheckVersioning", Effect: "Allow", Principal: { AWS: ROLE }, Action: "s3:GetBucketVersioning", Resource: DST },
    ]);
    expect(JSON.stringify(statements)).to.not.contain("PutBucketVersioning");
  });
});

describe("bucket key policy", () => {
  it("same account: only the owning account's IAM delegation", () => {
    expect(bucketKeyPolicy({ partition: "aws", accountId: "111122223333" })).to.deep.equal({
      Version: "2012-10-17",
      Statement: [{ Sid: "EnableIamPoliciesOfOwningAccount", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }],
    });
  });

  it("cross account: the foreign role may encrypt and generate data keys, not decrypt", () => {
    const statements = bucketKeyPolicy({ partition: "aws-us-gov", accountId: "444455556666", crossAccountReplicationRoleArn: ROLE }).Statement;
    expect(statements[0].Principal).to.deep.equal({ AWS: "arn:aws-us-gov:iam::444455556666:root" });
    expect(statements[1]).to.deep.equal({
      Sid: "AllowSourceReplicationRoleToEncryptReplicas",
      Effect: "Allow",
      Principal: { AWS: ROLE },
      Action: ["kms:Encrypt", "kms:GenerateDataKey"],
      Resource: "*",
    });
  });
});

describe("replication role policies", () => {
  it("trusts only the S3 service", () => {
    expect(replicationTrustPolicy().Statement).to.deep.equal([
      { Sid: "AllowS3ToAssumeForReplication", Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" },
    ]);
  });

  for (const crossAccount of [false, true]) {
    it(`grants each action on one bucket or key only (crossAccount=${crossAccount})`, () => {
      const statements = replicationRolePolicy({ sourceBucketArn: SRC, destinationBucketArn: DST, sourceKeyArn: SRC_KEY, destinationKeyArn: DST_KEY, crossAccount }).Statement;
      const grants = statements.map((s) => [s.Sid, s.Action, s.Resource]);
      expect(grants).to.deep.equal([
        ["ReadSourceReplicationConfiguration", ["s3:GetReplicationConfiguration", "s3:ListBucket"], SRC],
        ["ReadSourceObjectVersions", ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"], `${SRC}/*`],
        ["WriteReplicas", replicaWriteActions(crossAccount), `${DST}/*`],
        ["DecryptSourceObjects", "kms:Decrypt", SRC_KEY],
        ["EncryptReplicas", ["kms:Encrypt", "kms:GenerateDataKey"], DST_KEY],
      ]);
      for (const s of statements) {
        expect(s.Effect).to.equal("Allow");
        expect(s.Principal).to.equal(undefined);
        expect([s.Action].flat()).to.not.include("*");
        expect([s.Resource].flat()).to.not.include("*");
      }
    });
  }

  it("confines KMS use to S3 in each key's own Region and to each bucket's encryption context", () => {
    const statements = replicationRolePolicy({ sourceBucketArn: SRC, destinationBucketArn: DST, sourceKeyArn: SRC_KEY, destinationKeyArn: DST_KEY, crossAccount: true }).Statement;
    expect(statements[3].Condition).to.deep.equal({
      StringEquals: { "kms:ViaService": "s3.eu-central-1.amazonaws.com" },
      StringLike: { "kms:EncryptionContext:aws:s3:arn": [SRC, `${SRC}/*`] },
    });
    expect(statements[4].Condition).to.deep.equal({
      StringEquals: { "kms:ViaService": "s3.eu-west-2.amazonaws.com" },
      StringLike: { "kms:EncryptionContext:aws:s3:arn": [DST, `${DST}/*`] },
    });
  });

  it("refuses a key alias where a key ARN is needed", () => {
    expect(() =>
      replicationRolePolicy({ sourceBucketArn: SRC, destinationBucketArn: DST, sourceKeyArn: "alias/recordings", destinationKeyArn: DST_KEY, crossAccount: false }),
    ).to.throw('not an ARN: "alias/recordings"');
  });
});
