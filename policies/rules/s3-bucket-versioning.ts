import type { PolicyResource } from "@pulumi/policy";
import { CONTROLS } from "../frameworks";
import { bucketsWithSettings } from "../inspection/bucket-settings";
import { DATA_CLASS_TAG, REPLICATED_DATA_CLASSES } from "../inspection/data-class";
import { readArray, readPath } from "../inspection/known-value";
import { replicationDestination } from "../inspection/replication";
import { tagValue } from "../inspection/tags";
import { AwsType, BUCKET_TYPES } from "../resource-types";
import { defineStackRule } from "../rule-definition";

/**
 * Buckets that replicate or receive replicas have versioning enabled: S3 refuses replication without
 * it on both sides, and it undoes overwrites and deletes. Where GDPR or HIPAA is in force, every
 * bucket does (restore and integrity controls).
 */
export const s3BucketVersioning = defineStackRule({
    name: "s3-bucket-versioning",
    family: "resilience",
    description: "S3 buckets that replicate or receive replicas have versioning enabled, and every bucket does where GDPR or HIPAA is in force.",
    enforcementLevel: "mandatory",
    remediation: "Add an aws.s3.BucketVersioning for the bucket with versioningConfiguration: { status: \"Enabled\" }.",
    controls: [CONTROLS.gdpr.restore, CONTROLS.hipaa.integrity],
    validate: (args, report, { frameworks }) => {
        const everyBucket = frameworks.includes("gdpr") || frameworks.includes("hipaa");
        const replicated = replicatedBuckets(args.resources);
        for (const { bucket, settings } of bucketsWithSettings(args.resources, [AwsType.bucketVersioning, AwsType.bucketVersioningV2])) {
            if (!everyBucket && !replicated.has(bucket.urn)) {
                continue;
            }
            if (settings.length === 0) {
                report(`Bucket '${bucket.name}' has no versioning configuration.`, bucket.urn);
                continue;
            }
            for (const setting of settings) {
                const status = readPath(setting.props, ["versioningConfiguration", "status"]);
                if (status.known && status.value !== "Enabled") {
                    report(`Bucket '${bucket.name}' has versioning ${JSON.stringify(status.value)}; set it to "Enabled".`, bucket.urn);
                }
            }
        }
    },
});

/** URNs of the buckets that replicate, receive replicas, or hold a replicated data class. */
function replicatedBuckets(resources: readonly PolicyResource[]): Set<string> {
    const buckets = resources.filter(r => BUCKET_TYPES.includes(r.type));
    const urns = new Set(buckets.filter(b => REPLICATED_DATA_CLASSES.includes(tagValue(b, DATA_CLASS_TAG) ?? "")).map(b => b.urn));
    for (const { bucket, settings } of bucketsWithSettings(resources, [AwsType.bucketReplication])) {
        for (const setting of settings) {
            urns.add(bucket.urn);
            const rules = readArray(setting.props, "rules");
            for (const rule of rules.known ? rules.value : []) {
                const destination = replicationDestination(setting, rule, buckets, bucket);
                if (destination) {
                    urns.add(destination.urn);
                }
            }
        }
    }
    return urns;
}
