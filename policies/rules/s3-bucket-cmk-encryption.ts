import { ENCRYPTION_AT_REST_CONTROLS } from "../customer-managed-key-rule";
import { bucketsWithSettings } from "../inspection/bucket-settings";
import { readArray, readPath, readProperty } from "../inspection/known-value";
import { classifyKeyReference } from "../inspection/kms-key-reference";
import { AwsType } from "../resource-types";
import { defineStackRule } from "../rule-definition";

const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

/** Every bucket has default encryption SSE-KMS with a customer-managed key (not aws/s3). */
export const s3BucketCmkEncryption = defineStackRule({
    name: "s3-bucket-cmk-encryption",
    description: "S3 buckets have default encryption SSE-KMS with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    remediation:
        "Add an aws.s3.BucketServerSideEncryptionConfiguration for the bucket with applyServerSideEncryptionByDefault " +
        "{ sseAlgorithm: \"aws:kms\", kmsMasterKeyId: <customer-managed key ARN> } and bucketKeyEnabled: true.",
    controls: ENCRYPTION_AT_REST_CONTROLS,
    validate: (args, report) => {
        for (const { bucket, settings } of bucketsWithSettings(args.resources, [AwsType.bucketEncryption, AwsType.bucketEncryptionV2])) {
            if (settings.length === 0) {
                report(`Bucket '${bucket.name}' has no server-side encryption configuration, so it gets SSE-S3 with an AWS key.`, bucket.urn);
                continue;
            }
            for (const setting of settings) {
                const rules = readArray(setting.props, "rules");
                if (!rules.known) {
                    continue;
                }
                for (const rule of rules.value) {
                    const algorithm = readPath(rule, ["applyServerSideEncryptionByDefault", "sseAlgorithm"]);
                    if (algorithm.known && !KMS_ALGORITHMS.includes(String(algorithm.value))) {
                        report(`Bucket '${bucket.name}' encrypts with ${JSON.stringify(algorithm.value ?? "nothing")}; use sseAlgorithm "aws:kms".`, bucket.urn);
                        continue;
                    }
                    const key = classifyKeyReference(readPath(rule, ["applyServerSideEncryptionByDefault", "kmsMasterKeyId"]));
                    if (key.kind === "missing") {
                        report(`Bucket '${bucket.name}' uses SSE-KMS without kmsMasterKeyId, which means the AWS-managed key aws/s3.`, bucket.urn);
                    } else if (key.kind === "aws-managed") {
                        report(`Bucket '${bucket.name}' uses the AWS-managed key '${key.reference}'; use a customer-managed key.`, bucket.urn);
                    }
                }
            }
        }
    },
});

