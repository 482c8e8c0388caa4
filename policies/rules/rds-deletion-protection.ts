import { CONTROLS } from "../frameworks";
import { readProperty } from "../inspection/known-value";
import { AwsType } from "../resource-types";
import { defineResourceRule } from "../rule-definition";

const SUBJECT: Readonly<Record<string, string>> = {
    [AwsType.rdsInstance]: "The DB instance",
    [AwsType.rdsCluster]: "The Aurora cluster",
    [AwsType.rdsGlobalCluster]: "The Aurora global cluster",
};

/** RDS instances, Aurora clusters and global clusters cannot be deleted by accident (the default is off). */
export const rdsDeletionProtection = defineResourceRule({
    name: "rds-deletion-protection",
    family: "resilience",
    description: "RDS instances, Aurora clusters and Aurora global clusters have deletion protection enabled.",
    enforcementLevel: "mandatory",
    remediation: "Set deletionProtection: true (turn it off in a separate update first when the database really must go).",
    controls: [CONTROLS.gdpr.resilience, CONTROLS.hipaa.integrity],
    resourceTypes: Object.keys(SUBJECT),
    validate: (args, report) => {
        const enabled = readProperty(args.props, "deletionProtection");
        if (enabled.known && enabled.value !== true) {
            report(`${SUBJECT[args.type]} has deletion protection ${enabled.value === undefined ? "unset (off)" : "off"}: set deletionProtection to true.`);
        }
    },
});
