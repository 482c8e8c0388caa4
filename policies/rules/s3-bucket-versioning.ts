import { CONTROLS } from "../frameworks";
import { bucketsWithSettings } from "../inspection/bucket-settings";
import { readPath } from "../inspection/known-value";
import { AwsType } from "../resource-types";
import { defineStackRule } from "../rule-definition";

/** Every bucket has versioning enabled (replication needs it, and it undoes overwrites). */
export const s3BucketVersioning = defineStackRule({
    name: "s3-bucket-versioning",
    description: "S3 buckets have versioning enabled.",
    enforcementLevel: "mandatory",
    remediation: "Add an aws.s3.BucketVersioning for the bucket with versioningConfiguration: { status: \"Enabled\" }.",
    controls: [CONTROLS.gdpr.restore, CONTROLS.hipaa.integrity],
    validate: (args, report) => {
        for (const { bucket, settings } of bucketsWithSettings(args.resources, [AwsType.bucketVersioning, AwsType.bucketVersioningV2])) {
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
