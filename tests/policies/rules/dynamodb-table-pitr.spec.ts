import { expect } from "chai";
import { dynamodbTablePitr } from "../../../policies/rules/dynamodb-table-pitr";
import { messages, runResourcePolicy, UNKNOWN_ARRAY } from "../support/policy-harness";

const table = (props: Record<string, unknown>) => ({ type: "aws:dynamodb/table:Table", props });
const compliant = { pointInTimeRecovery: { enabled: true }, replicas: [{ regionName: "eu-west-2", pointInTimeRecovery: true }] };

describe("policy dynamodb-table-pitr", () => {
    it("passes PITR on the table and its replicas", async () => {
        expect(messages(await runResourcePolicy(dynamodbTablePitr, table(compliant)))).to.deep.equal([]);
    });

    it("passes replicas that are unknown during preview", async () => {
        expect(messages(await runResourcePolicy(dynamodbTablePitr, table({ ...compliant, replicas: UNKNOWN_ARRAY })))).to.deep.equal([]);
    });

    it("flags a table without PITR", async () => {
        expect(messages(await runResourcePolicy(dynamodbTablePitr, table({ ...compliant, pointInTimeRecovery: undefined })))).to.deep.equal([
            "Point-in-time recovery is off on the table: set pointInTimeRecovery.enabled to true.",
        ]);
    });

    it("flags a replica without PITR", async () => {
        expect(messages(await runResourcePolicy(dynamodbTablePitr, table({ ...compliant, replicas: [{ regionName: "eu-west-2" }] })))).to.deep.equal([
            "Point-in-time recovery is off on the replica in eu-west-2: set pointInTimeRecovery to true.",
        ]);
    });

    it("checks replicas declared as aws.dynamodb.TableReplica resources", async () => {
        const replica = (props: Record<string, unknown>) => ({ type: "aws:dynamodb/tableReplica:TableReplica", props: { globalTableArn: "arn", ...props } });
        expect(messages(await runResourcePolicy(dynamodbTablePitr, replica({ pointInTimeRecovery: true })))).to.deep.equal([]);
        expect(messages(await runResourcePolicy(dynamodbTablePitr, replica({})))).to.deep.equal([
            "Point-in-time recovery is off on the table replica: set pointInTimeRecovery to true.",
        ]);
    });

    it("stays in force when only PCI DSS is selected", async () => {
        const result = await runResourcePolicy(dynamodbTablePitr, table({ ...compliant, pointInTimeRecovery: { enabled: false } }), { config: { frameworks: ["pci-dss"] } });
        expect(result.violations).to.deep.equal([
            { message: "Point-in-time recovery is off on the table: set pointInTimeRecovery.enabled to true.", enforcementLevel: "mandatory" },
        ]);
    });
});
