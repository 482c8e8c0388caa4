import { expect } from "chai";
import { rdsStorageEncrypted } from "../../../policies/rules/rds-storage-encrypted";
import { messages, runResourcePolicy } from "../support/policy-harness";

const cluster = (props: Record<string, unknown>) => ({ type: "aws:rds/cluster:Cluster", props });

describe("policy rds-storage-encrypted", () => {
    it("passes encrypted storage with a customer-managed key, on clusters and instances", async () => {
        const props = { storageEncrypted: true, kmsKeyId: "arn:aws:kms:eu-central-1:111111111111:key/db" };
        expect(messages(await runResourcePolicy(rdsStorageEncrypted, cluster(props)))).to.deep.equal([]);
        expect(messages(await runResourcePolicy(rdsStorageEncrypted, { type: "aws:rds/instance:Instance", props }))).to.deep.equal([]);
    });

    it("flags unencrypted storage", async () => {
        expect(messages(await runResourcePolicy(rdsStorageEncrypted, cluster({})))).to.deep.equal([
            "Storage is not encrypted: set storageEncrypted to true (it cannot be changed after creation).",
        ]);
    });

    it("flags encryption with the default aws/rds key", async () => {
        expect(messages(await runResourcePolicy(rdsStorageEncrypted, cluster({ storageEncrypted: true })))).to.deep.equal([
            "Storage is encrypted with the AWS-managed key aws/rds: set kmsKeyId to a customer-managed key.",
        ]);
    });

    it("flags an explicit AWS-managed key", async () => {
        expect(messages(await runResourcePolicy(rdsStorageEncrypted, cluster({ storageEncrypted: true, kmsKeyId: "alias/aws/rds" })))).to.deep.equal([
            "kmsKeyId 'alias/aws/rds' is an AWS-managed key: use a customer-managed key.",
        ]);
    });
});
