import { expect } from "chai";
import { packConfigFor } from "../../policies/pack-config";
import { POLICIES } from "../../policies/registry";
import { cloudwatchLogGroupRetention } from "../../policies/rules/cloudwatch-log-group-retention";
import { gdprDataResidency } from "../../policies/rules/gdpr-data-residency";
import { kmsKeyRotation } from "../../policies/rules/kms-key-rotation";
import { scpPreviewDenials } from "../../policies/rules/scp-preview-denials";
import { runResourcePolicy, runStackPolicy } from "./support/policy-harness";

const disabledIn = (config: ReturnType<typeof packConfigFor>) =>
    Object.entries(config)
        .filter(([, value]) => typeof value === "object" && value.enforcementLevel === "disabled")
        .map(([name]) => name)
        .sort();
const ALL = ["gdpr", "hipaa", "pci-dss"];
const namesOf = (family: string) => POLICIES.filter(p => p.metadata.family === family).map(p => p.name).sort();

describe("pack config: framework selection and levels", () => {
    it("with no selection keeps every rule at its default level with all frameworks in force", () => {
        const config = packConfigFor({});
        expect(Object.keys(config)).to.deep.equal(POLICIES.map(p => p.name));
        expect(disabledIn(config)).to.deep.equal([]);
        expect(config["kms-key-rotation"]).to.deep.equal({ frameworks: ALL });
    });

    it("selecting GDPR disables the compliance rules that serve only HIPAA and PCI DSS", () => {
        expect(disabledIn(packConfigFor({ frameworks: ["gdpr"] }))).to.deep.equal(["cloudwatch-log-group-retention"]);
    });

    it("selecting PCI DSS disables only GDPR's residency: the DR controls stay in force", () => {
        const config = packConfigFor({ frameworks: ["pci-dss"] });
        expect(disabledIn(config)).to.deep.equal(["gdpr-data-residency"]);
        for (const rule of ["dynamodb-table-pitr", "dynamodb-table-deletion-protection", "rds-backup-retention", "s3-bucket-versioning", "s3-recordings-replication-rtc"]) {
            expect(config[rule], rule).to.deep.equal({ frameworks: ["pci-dss"] });
        }
    });

    it("keeps resilience rules and organization guardrails in force with no framework selected", () => {
        const config = packConfigFor({ frameworks: [] });
        expect(disabledIn(config)).to.deep.equal(namesOf("compliance"));
        expect(namesOf("resilience")).to.include.members(["dynamodb-table-pitr", "rds-backup-retention", "failover-function-permission"]);
        expect(namesOf("guardrail")).to.deep.equal(["region-choice", "scp-document-limits", "scp-preview-denials"]);
        expect(config["scp-document-limits"]).to.deep.equal({ frameworks: [] });
    });

    it("sets a pack-wide level, per-rule levels over it, and allowedRegions only where a rule takes it", () => {
        const config = packConfigFor({
            enforcementLevel: "advisory",
            levels: { "kms-key-rotation": "mandatory" },
            allowedRegions: ["us-east-1", "us-west-2"],
        });
        expect(config["kms-key-rotation"]).to.deep.equal({ enforcementLevel: "mandatory", frameworks: ALL });
        expect(config["sqs-queue-cmk"]).to.deep.equal({ enforcementLevel: "advisory", frameworks: ALL });
        expect(config["gdpr-data-residency"]).to.deep.equal({ enforcementLevel: "advisory", frameworks: ALL, allowedRegions: ["us-east-1", "us-west-2"] });
        expect(Object.entries(config).filter(([, v]) => typeof v === "object" && "allowedRegions" in v).map(([name]) => name)).to.deep.equal([
            "gdpr-data-residency",
            "region-choice",
            "scp-preview-denials",
        ]);
    });

    it("a pack-wide level does not lower the resilience rules; naming one in levels does", () => {
        const config = packConfigFor({ enforcementLevel: "advisory", levels: { "rds-backup-retention": "advisory" } });
        expect(config["scp-preview-denials"]).to.include({ enforcementLevel: "advisory" });
        expect(config["dynamodb-table-pitr"]).to.deep.equal({ frameworks: ALL });
        expect(config["rds-backup-retention"]).to.deep.equal({ enforcementLevel: "advisory", frameworks: ALL });
    });

    it("without allowedRegions writes no Region at all: the pack presumes no geography", () => {
        expect(Object.values(packConfigFor({})).some(v => typeof v === "object" && "allowedRegions" in v)).to.equal(false);
    });

    it("rejects levels for rules the pack does not have", () => {
        expect(() => packConfigFor({ levels: { "s3-bucket-acl": "advisory" } })).to.throw(/levels names no rule of this pack: s3-bucket-acl/);
    });

    it("drives the rules: a disabled rule is not run, a downgraded one reports advisory, Regions reach the Region rules", async () => {
        const selection = { frameworks: ["gdpr" as const], levels: { "kms-key-rotation": "advisory" as const }, allowedRegions: ["eu-central-1", "eu-west-2"] };
        const config = packConfigFor(selection) as Record<string, Record<string, unknown>>;
        const logGroup = { type: "aws:cloudwatch/logGroup:LogGroup", props: { retentionInDays: 1 } };
        expect(await runResourcePolicy(cloudwatchLogGroupRetention, logGroup, { config: config["cloudwatch-log-group-retention"] })).to.deep.equal({
            violations: [],
            disabled: true,
        });
        const key = { type: "aws:kms/key:Key", name: "key", props: {}, provider: { props: { region: "us-east-1" } } };
        const rotation = await runResourcePolicy(kmsKeyRotation, key, { config: config["kms-key-rotation"] });
        expect(rotation.violations.map(v => v.enforcementLevel)).to.deep.equal(["advisory"]);
        expect((await runStackPolicy(gdprDataResidency, [key], { config: config["gdpr-data-residency"] })).violations.map(v => v.message)).to.deep.equal([
            "Key 'key' is in us-east-1 (from its provider); allowed Regions: eu-central-1, eu-west-2 (allowedRegions in pack config).",
        ]);
        expect((await runStackPolicy(scpPreviewDenials, [key], { config: config["scp-preview-denials"] })).violations).to.have.length(1);
    });
});
