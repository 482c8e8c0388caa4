import { defineCustomerManagedKeyRule } from "../customer-managed-key-rule";
import { AwsType } from "../resource-types";

/** SQS queues are encrypted with a customer-managed key (SQS-managed SSE is not one). */
export const sqsQueueCmk = defineCustomerManagedKeyRule({
    name: "sqs-queue-cmk",
    description: "SQS queues are encrypted with a customer-managed KMS key.",
    resourceType: AwsType.sqsQueue,
    subject: "The SQS queue",
    keyProperty: "kmsMasterKeyId",
    remediation: "Set kmsMasterKeyId to a customer-managed key (not alias/aws/sqs) instead of sqsManagedSseEnabled.",
});
