import { CONTROLS } from "../frameworks";
import { bucketsWithSettings } from "../inspection/bucket-settings";
import { readProperty } from "../inspection/known-value";
import { AwsType } from "../resource-types";
import { defineStackRule } from "../rule-definition";

const SETTINGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/** Every bucket has a public access block with all four settings on. */
export const s3BucketPublicAccessBlock = defineStackRule({
    name: "s3-bucket-public-access-block",
    description: "S3 buckets have a public access block with all four settings enabled.",
    enforcementLevel: "mandatory",
    remediation: `Add an aws.s3.BucketPublicAccessBlock for the bucket with ${SETTINGS.join(", ")} all true.`,
    controls: [CONTROLS.pciDss.publicAccess, CONTROLS.hipaa.accessControl, CONTROLS.gdpr.byDesign],
    validate: (args, report) => {
        for (const { bucket, settings } of bucketsWithSettings(args.resources, [AwsType.bucketPublicAccessBlock])) {
            if (settings.length === 0) {
                report(`Bucket '${bucket.name}' has no public access block.`, bucket.urn);
                continue;
            }
            for (const setting of settings) {
                const off = SETTINGS.filter(key => {
                    const value = readProperty(setting.props, key);
                    return value.known && value.value !== true;
                });
                if (off.length > 0) {
                    report(`Bucket '${bucket.name}' public access block leaves ${off.join(", ")} off.`, bucket.urn);
                }
            }
        }
    },
});
