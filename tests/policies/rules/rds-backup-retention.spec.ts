import { expect } from "chai";
import { rdsBackupRetention } from "../../../policies/rules/rds-backup-retention";
import { messages, runResourcePolicy, UNKNOWN_NUMBER } from "../support/policy-harness";

const instance = (props: Record<string, unknown>) => ({ type: "aws:rds/instance:Instance", props });

describe("policy rds-backup-retention", () => {
    it("passes 7 days or more", async () => {
        expect(messages(await runResourcePolicy(rdsBackupRetention, instance({ backupRetentionPeriod: 7 })))).to.deep.equal([]);
        expect(messages(await runResourcePolicy(rdsBackupRetention, { type: "aws:rds/cluster:Cluster", props: { backupRetentionPeriod: 35 } }))).to.deep.equal([]);
    });

    it("flags the 1-day service default", async () => {
        expect(messages(await runResourcePolicy(rdsBackupRetention, instance({})))).to.deep.equal([
            "backupRetentionPeriod is unset (1 day); keep at least 7 days (0 disables backups).",
        ]);
    });

    it("flags disabled backups", async () => {
        expect(messages(await runResourcePolicy(rdsBackupRetention, instance({ backupRetentionPeriod: 0 })))).to.deep.equal([
            "backupRetentionPeriod is 0; keep at least 7 days (0 disables backups).",
        ]);
    });

    it("flags one day of backups on an Aurora cluster", async () => {
        expect(messages(await runResourcePolicy(rdsBackupRetention, { type: "aws:rds/cluster:Cluster", props: { backupRetentionPeriod: 1 } }))).to.deep.equal([
            "backupRetentionPeriod is 1; keep at least 7 days (0 disables backups).",
        ]);
    });

    it("passes a retention unknown during preview", async () => {
        expect(messages(await runResourcePolicy(rdsBackupRetention, instance({ backupRetentionPeriod: UNKNOWN_NUMBER })))).to.deep.equal([]);
    });

    it("stays in force when only PCI DSS is selected", async () => {
        const result = await runResourcePolicy(rdsBackupRetention, instance({}), { config: { frameworks: ["pci-dss"] } });
        expect(result.notApplicable).to.equal(undefined);
        expect(result.violations.map(v => v.enforcementLevel)).to.deep.equal(["mandatory"]);
    });
});
