import { CONTROLS } from "../frameworks";
import { defineCustomerManagedKeyRule, ENCRYPTION_AT_REST_CONTROLS } from "../customer-managed-key-rule";
import { AwsType } from "../resource-types";

/** Log groups (contact-flow logs, Lambda logs) are encrypted with a customer-managed key. */
export const cloudwatchLogGroupCmk = defineCustomerManagedKeyRule({
    name: "cloudwatch-log-group-cmk",
    description: "CloudWatch Logs log groups are encrypted with a customer-managed KMS key.",
    resourceType: AwsType.logGroup,
    subject: "The log group",
    keyProperty: "kmsKeyId",
    remediation:
        "Set kmsKeyId to the ARN of a customer-managed key whose key policy lets logs.<region>.amazonaws.com use it.",
    controls: [...ENCRYPTION_AT_REST_CONTROLS, CONTROLS.pciDss.logProtection, CONTROLS.hipaa.auditControls],
});
