import { expect } from "chai";
import { dynamodbTableDeletionProtection } from "../../../policies/rules/dynamodb-table-deletion-protection";
import { messages, runResourcePolicy } from "../support/policy-harness";

const table = (props: Record<string, unknown>) => ({ type: "aws:dynamodb/table:Table", props });

describe("policy dynamodb-table-deletion-protection", () => {
    it("passes a protected table", async () => {
        expect(messages(await runResourcePolicy(dynamodbTableDeletionProtection, table({ deletionProtectionEnabled: true })))).to.deep.equal([]);
    });

    it("flags an unprotected table, at its advisory default level", async () => {
        const result = await runResourcePolicy(dynamodbTableDeletionProtection, table({}));
        expect(result.violations).to.deep.equal([
            { message: "Deletion protection is off: set deletionProtectionEnabled to true.", enforcementLevel: "advisory" },
        ]);
    });

    it("ignores other resource types", async () => {
        expect(messages(await runResourcePolicy(dynamodbTableDeletionProtection, { type: "aws:sqs/queue:Queue", props: {} }))).to.deep.equal([]);
    });

    it("checks table replicas declared as their own resources", async () => {
        const replica = { type: "aws:dynamodb/tableReplica:TableReplica", props: { globalTableArn: "arn" } };
        expect(messages(await runResourcePolicy(dynamodbTableDeletionProtection, replica))).to.deep.equal([
            "Deletion protection is off: set deletionProtectionEnabled to true.",
        ]);
    });
});
