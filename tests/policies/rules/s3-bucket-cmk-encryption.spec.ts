import { expect } from "chai";
import { s3BucketCmkEncryption } from "../../../policies/rules/s3-bucket-cmk-encryption";
import { runStackPolicy, UNKNOWN_STRING } from "../support/policy-harness";
import { bucket, bucketUrn, compliantBucketStack, encryption, replacing } from "../support/s3-fixtures";

const TYPE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const URN = bucketUrn("recordings");

describe("policy s3-bucket-cmk-encryption", () => {
    it("passes SSE-KMS with a customer-managed key, paired through the bucket dependency", async () => {
        expect((await runStackPolicy(s3BucketCmkEncryption, compliantBucketStack())).violations).to.deep.equal([]);
    });

    it("passes a key ARN unknown during preview", async () => {
        const stack = replacing(compliantBucketStack(), TYPE, encryption("recordings", { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN_STRING }));
        expect((await runStackPolicy(s3BucketCmkEncryption, stack)).violations).to.deep.equal([]);
    });

    it("pairs a setting with its bucket by a known bucket name too", async () => {
        const setting = { ...encryption("recordings", { sseAlgorithm: "AES256" }), propertyDependencies: {} };
        const stack = replacing(compliantBucketStack(), TYPE, { ...setting, props: { ...setting.props, bucket: "recordings-a1b2c3d" } });
        expect((await runStackPolicy(s3BucketCmkEncryption, stack)).violations.map(v => v.message)).to.deep.equal([
            "Bucket 'recordings' encrypts with \"AES256\"; use sseAlgorithm \"aws:kms\".",
        ]);
    });

    it("flags a bucket without an encryption configuration, against the bucket's URN", async () => {
        expect((await runStackPolicy(s3BucketCmkEncryption, replacing(compliantBucketStack(), TYPE))).violations).to.deep.equal([
            {
                message: "Bucket 'recordings' has no server-side encryption configuration, so it gets SSE-S3 with an AWS key.",
                urn: URN,
                enforcementLevel: "mandatory",
            },
        ]);
    });

    it("flags SSE-KMS without a key id (aws/s3)", async () => {
        const stack = replacing(compliantBucketStack(), TYPE, encryption("recordings", { sseAlgorithm: "aws:kms" }));
        expect((await runStackPolicy(s3BucketCmkEncryption, stack)).violations.map(v => v.message)).to.deep.equal([
            "Bucket 'recordings' uses SSE-KMS without kmsMasterKeyId, which means the AWS-managed key aws/s3.",
        ]);
    });

    it("flags the aws/s3 alias", async () => {
        const stack = replacing(compliantBucketStack(), TYPE, encryption("recordings", { sseAlgorithm: "aws:kms", kmsMasterKeyId: "alias/aws/s3" }));
        expect((await runStackPolicy(s3BucketCmkEncryption, stack)).violations.map(v => v.message)).to.deep.equal([
            "Bucket 'recordings' uses the AWS-managed key 'alias/aws/s3'; use a customer-managed key.",
        ]);
    });

    it("checks each bucket against its own settings", async () => {
        const stack = [...compliantBucketStack(), bucket("reports", {})];
        expect((await runStackPolicy(s3BucketCmkEncryption, stack)).violations.map(v => v.urn)).to.deep.equal([bucketUrn("reports")]);
    });
});
