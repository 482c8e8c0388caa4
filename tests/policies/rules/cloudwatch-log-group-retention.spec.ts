import { expect } from "chai";
import { cloudwatchLogGroupRetention } from "../../../policies/rules/cloudwatch-log-group-retention";
import { messages, runResourcePolicy } from "../support/policy-harness";

const logGroup = (props: Record<string, unknown>) => ({ type: "aws:cloudwatch/logGroup:LogGroup", props });

describe("policy cloudwatch-log-group-retention", () => {
    it("passes 365 days or more, and never-expire (unset or 0)", async () => {
        for (const props of [{ retentionInDays: 365 }, { retentionInDays: 3653 }, {}, { retentionInDays: 0 }]) {
            expect(messages(await runResourcePolicy(cloudwatchLogGroupRetention, logGroup(props)))).to.deep.equal([]);
        }
    });

    it("flags a shorter retention", async () => {
        expect(messages(await runResourcePolicy(cloudwatchLogGroupRetention, logGroup({ retentionInDays: 90 })))).to.deep.equal([
            "retentionInDays is 90; PCI DSS 10.5.1 and HIPAA audit controls need at least 365.",
        ]);
    });

    it("does not apply when only GDPR is in force", async () => {
        const result = await runResourcePolicy(cloudwatchLogGroupRetention, logGroup({ retentionInDays: 90 }), { config: { frameworks: ["gdpr"] } });
        expect(result.violations).to.deep.equal([]);
        expect(result.notApplicable).to.equal("serves hipaa, pci-dss; selected frameworks: gdpr");
    });

    it("applies when HIPAA alone is in force", async () => {
        const result = await runResourcePolicy(cloudwatchLogGroupRetention, logGroup({ retentionInDays: 30 }), { config: { frameworks: ["hipaa"] } });
        expect(messages(result)).to.deep.equal(["retentionInDays is 30; PCI DSS 10.5.1 and HIPAA audit controls need at least 365."]);
    });
});
