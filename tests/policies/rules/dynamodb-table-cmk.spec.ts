import { expect } from "chai";
import { dynamodbTableCmk } from "../../../policies/rules/dynamodb-table-cmk";
import { messages, runResourcePolicy, UNKNOWN_STRING } from "../support/policy-harness";

const KEY = "arn:aws:kms:eu-central-1:111111111111:key/mrk-1234";
const REPLICA_KEY = "arn:aws:kms:eu-west-2:111111111111:key/mrk-1234";
const table = (props: Record<string, unknown>) => ({ type: "aws:dynamodb/table:Table", props });
const compliant = {
    serverSideEncryption: { enabled: true, kmsKeyArn: KEY },
    replicas: [{ regionName: "eu-west-2", kmsKeyArn: REPLICA_KEY }],
};

describe("policy dynamodb-table-cmk", () => {
    it("passes a table and replica with customer-managed keys", async () => {
        expect(messages(await runResourcePolicy(dynamodbTableCmk, table(compliant)))).to.deep.equal([]);
    });

    it("passes a key ARN that is unknown during preview (a key created in the same run)", async () => {
        const result = await runResourcePolicy(dynamodbTableCmk, table({ ...compliant, serverSideEncryption: { enabled: true, kmsKeyArn: UNKNOWN_STRING } }));
        expect(result.violations).to.deep.equal([]);
    });

    it("flags a table without server-side encryption (AWS-owned key)", async () => {
        expect(messages(await runResourcePolicy(dynamodbTableCmk, table({ ...compliant, serverSideEncryption: undefined })))).to.deep.equal([
            "The table is encrypted with an AWS-owned key: set serverSideEncryption.enabled to true with a kmsKeyArn.",
        ]);
    });

    it("flags encryption without a kmsKeyArn (AWS-managed aws/dynamodb)", async () => {
        expect(messages(await runResourcePolicy(dynamodbTableCmk, table({ ...compliant, serverSideEncryption: { enabled: true } })))).to.deep.equal([
            "The table has no customer-managed KMS key: set `serverSideEncryption.kmsKeyArn`.",
        ]);
    });

    it("flags the AWS-managed alias", async () => {
        const result = await runResourcePolicy(dynamodbTableCmk, table({ ...compliant, serverSideEncryption: { enabled: true, kmsKeyArn: "alias/aws/dynamodb" } }));
        expect(messages(result)).to.deep.equal([
            "The table uses the AWS-managed key 'alias/aws/dynamodb' in `serverSideEncryption.kmsKeyArn`; use a customer-managed key.",
        ]);
        expect(result.violations[0].enforcementLevel).to.equal("mandatory");
    });

    it("flags a replica without its own key", async () => {
        expect(messages(await runResourcePolicy(dynamodbTableCmk, table({ ...compliant, replicas: [{ regionName: "eu-west-2" }] })))).to.deep.equal([
            "The replica in eu-west-2 has no customer-managed KMS key: set `kmsKeyArn`.",
        ]);
    });

    it("checks replicas declared as aws.dynamodb.TableReplica resources", async () => {
        const replica = (props: Record<string, unknown>) => ({ type: "aws:dynamodb/tableReplica:TableReplica", props: { globalTableArn: "arn", ...props } });
        expect(messages(await runResourcePolicy(dynamodbTableCmk, replica({ kmsKeyArn: REPLICA_KEY })))).to.deep.equal([]);
        expect(messages(await runResourcePolicy(dynamodbTableCmk, replica({})))).to.deep.equal([
            "The table replica has no customer-managed KMS key: set `kmsKeyArn`.",
        ]);
    });
});
