import { expect } from "chai";
import { packConfigFor } from "../../policies/pack-config";
import { POLICIES } from "../../policies/registry";
import { cloudwatchLogGroupRetention } from "../../policies/rules/cloudwatch-log-group-retention";
import { gdprDataResidency } from "../../policies/rules/gdpr-data-residency";
import { kmsKeyRotation } from "../../policies/rules/kms-key-rotation";
import { scpPreviewDenials } from "../../policies/rules/scp-preview-denials";
import { messages, runResourcePolicy } from "./support/policy-harness";

const disabledIn = (config: ReturnType<typeof packConfigFor>) =>
    Object.entries(config)
        .filter(([, value]) => typeof value === "object" && value.enforcementLevel === "disabled")
        .map(([name]) => name)
        .sort();

describe("pack config: framework selection and levels", () => {
    it("with no selection keeps every rule at its default level with all frameworks in force", () => {
        const config = packConfigFor({});
        expect(Object.keys(config)).to.deep.equal(POLICIES.map(p => p.name));
        expect(disabledIn(config)).to.deep.equal([]);
        expect(config["kms-key-rotation"]).to.deep.equal({ frameworks: ["gdpr", "hipaa", "pci-dss"] });
    });

    it("selecting GDPR disables the rules that serve only HIPAA and PCI DSS", () => {
        expect(disabledIn(packConfigFor({ frameworks: ["gdpr"] }))).to.deep.equal(["cloudwatch-log-group-retention"]);
    });

    it("selecting PCI DSS disables the GDPR/HIPAA-only resilience and residency rules", () => {
        expect(disabledIn(packConfigFor({ frameworks: ["pci-dss"] }))).to.deep.equal([
            "dynamodb-table-deletion-protection",
            "dynamodb-table-pitr",
            "gdpr-data-residency",
            "rds-backup-retention",
            "s3-bucket-versioning",
            "s3-recordings-replication-rtc",
        ]);
    });

    it("keeps organization guardrails in force with no framework selected", () => {
        const config = packConfigFor({ frameworks: [] });
        expect(disabledIn(config)).to.deep.equal(
            POLICIES.filter(p => !p.name.startsWith("scp-"))
                .map(p => p.name)
                .sort(),
        );
        expect(config["scp-document-limits"]).to.deep.equal({ frameworks: [] });
    });

    it("sets a pack-wide level, per-rule levels over it, and allowedRegions only where a rule takes it", () => {
        const config = packConfigFor({
            enforcementLevel: "advisory",
            levels: { "kms-key-rotation": "mandatory" },
            allowedRegions: ["us-east-1", "us-west-2"],
        });
        expect(config["kms-key-rotation"]).to.deep.equal({ enforcementLevel: "mandatory", frameworks: ["gdpr", "hipaa", "pci-dss"] });
        expect(config["sqs-queue-cmk"]).to.deep.equal({ enforcementLevel: "advisory", frameworks: ["gdpr", "hipaa", "pci-dss"] });
        expect(config["gdpr-data-residency"]).to.deep.equal({
            enforcementLevel: "advisory",
            frameworks: ["gdpr", "hipaa", "pci-dss"],
            allowedRegions: ["us-east-1", "us-west-2"],
        });
    });

    it("rejects levels for rules the pack does not have", () => {
        expect(() => packConfigFor({ levels: { "s3-bucket-acl": "advisory" } })).to.throw(/levels names no rule of this pack: s3-bucket-acl/);
    });

    it("drives the rules: a disabled rule is not run, a downgraded one reports advisory", async () => {
        const config = packConfigFor({ frameworks: ["gdpr"], levels: { "kms-key-rotation": "advisory" } }) as Record<string, Record<string, unknown>>;
        const logGroup = { type: "aws:cloudwatch/logGroup:LogGroup", props: { retentionInDays: 1 } };
        expect(await runResourcePolicy(cloudwatchLogGroupRetention, logGroup, { config: config["cloudwatch-log-group-retention"] })).to.deep.equal({
            violations: [],
            disabled: true,
        });
        const key = { type: "aws:kms/key:Key", props: {}, provider: { props: { region: "us-east-1" } } };
        const rotation = await runResourcePolicy(kmsKeyRotation, key, { config: config["kms-key-rotation"] });
        expect(rotation.violations.map(v => v.enforcementLevel)).to.deep.equal(["advisory"]);
        expect(messages(await runResourcePolicy(gdprDataResidency, key, { config: config["gdpr-data-residency"] }))).to.deep.equal([
            "The resource is in us-east-1 (from its provider); allowed Regions: eu-central-1, eu-west-2.",
        ]);
        expect((await runResourcePolicy(scpPreviewDenials, key, { config: config["scp-preview-denials"] })).violations).to.have.length(1);
    });
});
