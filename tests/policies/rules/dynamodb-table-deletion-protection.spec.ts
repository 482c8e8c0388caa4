import { expect } from "chai";
import { dynamodbTableDeletionProtection } from "../../../policies/rules/dynamodb-table-deletion-protection";
import { messages, runResourcePolicy, UNKNOWN_ARRAY } from "../support/policy-harness";

// @pulumi/aws: deletionProtectionEnabled defaults to false on the table, on each replicas[] block and on TableReplica.
const table = (props: Record<string, unknown>) => ({ type: "aws:dynamodb/table:Table", props });
const compliant = { deletionProtectionEnabled: true, replicas: [{ regionName: "us-west-2", deletionProtectionEnabled: true }] };

describe("policy dynamodb-table-deletion-protection", () => {
    it("passes a protected table with protected replicas", async () => {
        expect(messages(await runResourcePolicy(dynamodbTableDeletionProtection, table(compliant)))).to.deep.equal([]);
    });

    it("passes replicas that are unknown during preview", async () => {
        expect(messages(await runResourcePolicy(dynamodbTableDeletionProtection, table({ ...compliant, replicas: UNKNOWN_ARRAY })))).to.deep.equal([]);
    });

    it("flags an unprotected table, mandatory by default", async () => {
        const result = await runResourcePolicy(dynamodbTableDeletionProtection, table({ ...compliant, deletionProtectionEnabled: undefined }));
        expect(result.violations).to.deep.equal([
            { message: "Deletion protection is off on the table: set deletionProtectionEnabled to true.", enforcementLevel: "mandatory" },
        ]);
    });

    it("flags an unprotected replica block", async () => {
        expect(messages(await runResourcePolicy(dynamodbTableDeletionProtection, table({ ...compliant, replicas: [{ regionName: "us-west-2" }] })))).to.deep.equal([
            "Deletion protection is off on the replica in us-west-2: set deletionProtectionEnabled to true.",
        ]);
    });

    it("checks table replicas declared as their own resources", async () => {
        const replica = (props: Record<string, unknown>) => ({ type: "aws:dynamodb/tableReplica:TableReplica", props: { globalTableArn: "arn", ...props } });
        expect(messages(await runResourcePolicy(dynamodbTableDeletionProtection, replica({ deletionProtectionEnabled: true })))).to.deep.equal([]);
        expect(messages(await runResourcePolicy(dynamodbTableDeletionProtection, replica({})))).to.deep.equal([
            "Deletion protection is off on the table replica: set deletionProtectionEnabled to true.",
        ]);
    });

    it("stays in force whatever frameworks are selected", async () => {
        for (const frameworks of [["pci-dss"], []]) {
            const result = await runResourcePolicy(dynamodbTableDeletionProtection, table({}), { config: { frameworks } });
            expect(result.violations.map(v => v.enforcementLevel), String(frameworks)).to.deep.equal(["mandatory"]);
        }
    });

    it("ignores other resource types", async () => {
        expect(messages(await runResourcePolicy(dynamodbTableDeletionProtection, { type: "aws:sqs/queue:Queue", props: {} }))).to.deep.equal([]);
    });
});
