import { expect } from "chai";
import { SCP_MAXIMUM_CHARACTERS, scpDocumentLimits } from "../../../policies/rules/scp-document-limits";
import { messages, runResourcePolicy, UNKNOWN_STRING } from "../support/policy-harness";

const scp = (props: Record<string, unknown>) => ({ type: "aws:organizations/policy:Policy", props });
const document = (sids: number) =>
    JSON.stringify({
        Version: "2012-10-17",
        Statement: Array.from({ length: sids }, (_, i) => ({ Sid: `Deny${i}`, Effect: "Deny", Action: "s3:DeleteBucket", Resource: "*" })),
    });

describe("policy scp-document-limits", () => {
    it("passes a valid SCP within the quota (type defaults to SERVICE_CONTROL_POLICY)", async () => {
        expect(messages(await runResourcePolicy(scpDocumentLimits, scp({ content: document(3) })))).to.deep.equal([]);
        expect(messages(await runResourcePolicy(scpDocumentLimits, scp({ content: document(3), type: "SERVICE_CONTROL_POLICY" })))).to.deep.equal([]);
    });

    it("passes content unknown during preview", async () => {
        expect(messages(await runResourcePolicy(scpDocumentLimits, scp({ content: UNKNOWN_STRING })))).to.deep.equal([]);
    });

    it("does not apply to other organization policy types", async () => {
        const result = await runResourcePolicy(scpDocumentLimits, scp({ content: "{}", type: "TAG_POLICY" }));
        expect(result.notApplicable).to.equal("policy type TAG_POLICY is not an SCP");
    });

    it("stays in force whatever frameworks are selected (it serves the organization, not a framework)", async () => {
        const result = await runResourcePolicy(scpDocumentLimits, scp({ content: "{" }), { config: { frameworks: [] } });
        expect(result.notApplicable).to.equal(undefined);
        expect(result.violations).to.have.length(1);
    });

    it("flags content that is not JSON", async () => {
        expect(messages(await runResourcePolicy(scpDocumentLimits, scp({ content: '{"Version": ' })))).to.deep.equal([
            "The SCP content is not valid JSON (Unexpected end of JSON input).",
        ]);
    });

    it("flags JSON without statements", async () => {
        expect(messages(await runResourcePolicy(scpDocumentLimits, scp({ content: '{"Version":"2012-10-17"}' })))).to.deep.equal([
            "The SCP content has no Statement.",
        ]);
    });

    it("flags a document over 5,120 characters", async () => {
        const content = document(80);
        expect(content.length).to.be.greaterThan(SCP_MAXIMUM_CHARACTERS);
        expect(messages(await runResourcePolicy(scpDocumentLimits, scp({ content })))).to.deep.equal([
            `The SCP is ${content.length} characters; AWS Organizations accepts at most 5120.`,
        ]);
    });
});
