import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { CONTROLS, FRAMEWORK_IDS } from "../../policies/frameworks";
import { POLICIES, POLICY_PACK_NAME, ruleMetadata } from "../../policies/registry";
import { defineStackRule } from "../../policies/rule-definition";

const RULES_DIR = path.join(__dirname, "../../policies/rules");
const SPECS_DIR = path.join(__dirname, "rules");
const ALL_CONTROLS = Object.values(CONTROLS).flatMap(group => Object.values(group));

describe("policy registry", () => {
    it("registers exactly one policy per file in policies/rules, named after the file", () => {
        const files = fs.readdirSync(RULES_DIR).filter(f => f.endsWith(".ts")).map(f => f.replace(/\.ts$/, "")).sort();
        expect(POLICIES.map(p => p.name).sort()).to.deep.equal(files);
    });

    it("has a spec per rule", () => {
        const specs = fs.readdirSync(SPECS_DIR).filter(f => f.endsWith(".spec.ts")).map(f => f.replace(/\.spec\.ts$/, "")).sort();
        expect(specs).to.deep.equal(POLICIES.map(p => p.name).sort());
    });

    it("gives every rule a one-sentence description, a level, remediation and registered controls", () => {
        for (const policy of POLICIES) {
            expect(policy.description, policy.name).to.match(/^[A-Z][^.]*(\.[a-z0-9][^.]*)*\.$/);
            expect(policy.enforcementLevel, policy.name).to.be.oneOf(["advisory", "mandatory"]);
            expect(policy.remediationSteps, policy.name).to.equal(policy.metadata.remediation).and.not.equal("");
            for (const control of policy.metadata.controls) {
                expect(ALL_CONTROLS, `${policy.name} cites ${control.id}`).to.include(control);
            }
            expect(policy.configSchema?.properties.frameworks, policy.name).to.include({ type: "array" });
        }
    });

    it("makes every encryption rule mandatory by default", () => {
        const encryption = POLICIES.filter(p => p.metadata.controls.includes(CONTROLS.hipaa.encryptionAtRest));
        expect(encryption.map(p => p.name)).to.include.members(["s3-bucket-cmk-encryption", "dynamodb-table-cmk", "kinesis-stream-cmk"]);
        expect(encryption.filter(p => p.enforcementLevel !== "mandatory").map(p => p.name)).to.deep.equal([]);
    });

    it("puts the DR controls in the resilience family, mandatory by default, and tags every policy with its family", () => {
        const resilience = POLICIES.filter(p => p.metadata.family === "resilience");
        expect(resilience.map(p => p.name)).to.have.members([
            "dynamodb-table-pitr",
            "dynamodb-table-deletion-protection",
            "rds-backup-retention",
            "rds-deletion-protection",
            "s3-bucket-versioning",
            "s3-recordings-replication-rtc",
            "dr-vault-cross-region",
            "ctr-archive-delivery",
            "failover-alarm-signal",
            "composite-alarm-references",
            "traffic-distribution-group-phone-number",
            "failover-function-permission",
        ]);
        expect(resilience.filter(p => p.enforcementLevel !== "mandatory").map(p => p.name)).to.deep.equal([]);
        for (const policy of POLICIES) {
            expect(policy.tags?.at(-1), policy.name).to.equal(`family:${policy.metadata.family}`);
        }
    });

    it("refuses a compliance rule no framework can select, and a guardrail that cites controls", () => {
        const base = { description: "X.", enforcementLevel: "mandatory" as const, remediation: "Y.", validate: () => {} };
        expect(() => defineStackRule({ ...base, name: "no-controls", controls: [] })).to.throw(
            "rule no-controls: a compliance rule needs at least one framework control (frameworks select it)",
        );
        expect(() => defineStackRule({ ...base, name: "cited", family: "guardrail", controls: [CONTROLS.gdpr.transfers] })).to.throw(
            "rule cited: a guardrail rule cites no framework control (the SCPs apply whatever is selected)",
        );
    });

    it("covers each framework with at least one rule", () => {
        for (const framework of FRAMEWORK_IDS) {
            expect(POLICIES.some(p => p.metadata.controls.some(c => c.framework === framework)), framework).to.equal(true);
        }
    });

    it("looks metadata up by policy name", () => {
        expect(POLICY_PACK_NAME).to.equal("connect-dr");
        expect(ruleMetadata("kms-key-rotation")?.controls).to.deep.include(CONTROLS.pciDss.keyRotation);
        expect(ruleMetadata("s3-bucket-versioning")?.kind).to.equal("stack");
        expect(ruleMetadata("no-such-rule")).to.equal(undefined);
    });
});
