import { CONTROLS } from "../frameworks";
import { bucketsWithSettings } from "../inspection/bucket-settings";
import { DATA_CLASS_TAG, REPLICA_CLASS } from "../inspection/data-class";
import { readArray, readProperty } from "../inspection/known-value";
import { replicationDestination, replicationRuleLabel } from "../inspection/replication";
import { resourceRegion } from "../inspection/resource-region";
import { tagValue } from "../inspection/tags";
import { BUCKET_TYPES, AwsType } from "../resource-types";
import { defineStackRule } from "../rule-definition";

/**
 * Each Region's recordings and contact records replicate to a vault bucket in ANOTHER Region (tagged
 * `recordings-replica` / `contact-records-replica`), so losing a Region never takes both copies. A
 * bucket without replication is the RTC rule's finding; a destination this stack does not declare, or
 * one unknown during preview, cannot be told and passes.
 */
export const drVaultCrossRegion = defineStackRule({
    name: "dr-vault-cross-region",
    family: "resilience",
    description: "Buckets of recordings and contact records replicate to a vault bucket of their replica class in another Region.",
    enforcementLevel: "mandatory",
    remediation:
        "Point the replication rule's destination.bucket at a bucket created with the provider of the other DR Region " +
        "(the backup-vault account's), tagged connect-dr:data-class=<class>-replica.",
    controls: [CONTROLS.gdpr.restore, CONTROLS.gdpr.resilience, CONTROLS.hipaa.integrity],
    validate: (args, report) => {
        const buckets = args.resources.filter(r => BUCKET_TYPES.includes(r.type));
        for (const { bucket, settings } of bucketsWithSettings(args.resources, [AwsType.bucketReplication])) {
            const dataClass = tagValue(bucket, DATA_CLASS_TAG) ?? "";
            const vaultClass = REPLICA_CLASS[dataClass];
            const sourceRegion = resourceRegion(bucket.props, bucket.provider);
            if (vaultClass === undefined || !("region" in sourceRegion)) {
                continue;
            }
            const problems: string[] = [];
            let decided = true;
            let compliant = false;
            for (const setting of settings) {
                const rules = readArray(setting.props, "rules");
                for (const rule of rules.known ? rules.value : []) {
                    const status = readProperty(rule, "status");
                    if (status.known && status.value !== "Enabled") {
                        continue;
                    }
                    const destination = replicationDestination(setting, rule, buckets, bucket);
                    const region = destination ? resourceRegion(destination.props, destination.provider) : undefined;
                    if (!destination || !status.known || !region || !("region" in region)) {
                        decided = false;
                        continue;
                    }
                    const destinationClass = tagValue(destination, DATA_CLASS_TAG);
                    const ruleProblems = [
                        ...(region.region === sourceRegion.region ? [`its destination '${destination.name}' is in the same Region (${region.region})`] : []),
                        ...(destinationClass !== vaultClass
                            ? [`its destination '${destination.name}' is not a vault bucket (${DATA_CLASS_TAG} is ${destinationClass === undefined ? "unset" : JSON.stringify(destinationClass)}, not "${vaultClass}")`]
                            : []),
                    ];
                    if (ruleProblems.length === 0) {
                        compliant = true;
                    } else {
                        problems.push(`${replicationRuleLabel(rule)}: ${ruleProblems.join("; ")}`);
                    }
                }
                decided &&= rules.known;
            }
            if (!compliant && decided && problems.length > 0) {
                report(
                    `Bucket '${bucket.name}' (${dataClass}, ${sourceRegion.region}) does not replicate to a vault in another Region (${problems.join(" | ")}).`,
                    bucket.urn,
                );
            }
        }
    },
});
