import { expect } from "chai";
import { connectStorageEncryption } from "../../../policies/rules/connect-storage-encryption";
import { messages, runResourcePolicy, UNKNOWN_STRING } from "../support/policy-harness";

const KEY = "arn:aws:kms:eu-central-1:111111111111:key/recordings";
const storage = (resourceType: string, storageConfig: Record<string, unknown>) => ({
    type: "aws:connect/instanceStorageConfig:InstanceStorageConfig",
    props: { instanceId: "inst", resourceType, storageConfig },
});
const s3 = (encryptionConfig?: Record<string, unknown>) =>
    storage("CALL_RECORDINGS", { storageType: "S3", s3Config: { bucketName: "rec", bucketPrefix: "calls", encryptionConfig } });
const kvs = (encryptionConfig: Record<string, unknown>) =>
    storage("MEDIA_STREAMS", {
        storageType: "KINESIS_VIDEO_STREAM",
        kinesisVideoStreamConfig: { prefix: "live", retentionPeriodHours: 24, encryptionConfig },
    });

describe("policy connect-storage-encryption", () => {
    it("passes S3 and Kinesis Video Streams targets with KMS and a customer-managed key", async () => {
        expect(messages(await runResourcePolicy(connectStorageEncryption, s3({ encryptionType: "KMS", keyId: KEY })))).to.deep.equal([]);
        expect(messages(await runResourcePolicy(connectStorageEncryption, kvs({ encryptionType: "KMS", keyId: KEY })))).to.deep.equal([]);
    });

    it("passes a key unknown during preview", async () => {
        expect(messages(await runResourcePolicy(connectStorageEncryption, s3({ encryptionType: "KMS", keyId: UNKNOWN_STRING })))).to.deep.equal([]);
    });

    it("does not apply to Kinesis data stream targets, which the stream's own rule covers", async () => {
        const result = await runResourcePolicy(
            connectStorageEncryption,
            storage("CONTACT_TRACE_RECORDS", { storageType: "KINESIS_STREAM", kinesisStreamConfig: { streamArn: "arn" } }),
        );
        expect(result.notApplicable).to.equal("storage type KINESIS_STREAM is encrypted by the target stream's own settings");
    });

    it("flags an S3 target without an encryption config", async () => {
        expect(messages(await runResourcePolicy(connectStorageEncryption, s3()))).to.deep.equal([
            'The CALL_RECORDINGS storage config has no s3Config.encryptionConfig: add one with encryptionType "KMS".',
        ]);
    });

    it("flags a non-KMS encryption type", async () => {
        expect(messages(await runResourcePolicy(connectStorageEncryption, s3({ encryptionType: "AES256", keyId: KEY })))).to.deep.equal([
            'The CALL_RECORDINGS storage config has encryptionType "AES256": set it to "KMS".',
        ]);
    });

    it("flags an AWS-managed key on a video stream target", async () => {
        expect(messages(await runResourcePolicy(connectStorageEncryption, kvs({ encryptionType: "KMS", keyId: "alias/aws/kinesisvideo" })))).to.deep.equal([
            "The MEDIA_STREAMS storage config uses the AWS-managed key 'alias/aws/kinesisvideo' in `kinesisVideoStreamConfig.encryptionConfig.keyId`; use a customer-managed key.",
        ]);
    });
});
