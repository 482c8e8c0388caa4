import { expect } from "chai";
import { buildGuardrailDocuments } from "../../../components/governance";
import { gdprDataResidency } from "../../../policies/rules/gdpr-data-residency";
import { runStackPolicy, UNKNOWN_STRING, urnOf } from "../support/policy-harness";
import { provider, queueIn, regionDenyContent, scp } from "../support/region-fixtures";

const EU = { config: { allowedRegions: ["eu-central-1", "eu-west-2"] } };
const messagesOf = async (resources: Parameters<typeof runStackPolicy>[1], options: Parameters<typeof runStackPolicy>[2] = EU) => (await runStackPolicy(gdprDataResidency, resources, options)).violations.map(v => v.message);

describe("policy gdpr-data-residency", () => {
    it("does not apply without a Region choice: no allowedRegions and no Region-deny SCP in the stack", async () => {
        const result = await runStackPolicy(gdprDataResidency, [queueIn("us-east-1"), queueIn("ap-south-1")]);
        expect(result.violations).to.deep.equal([]);
        expect(result.notApplicable).to.equal("no Region choice: allowedRegions is not configured and the stack declares no Region-deny SCP");
    });

    it("passes resources in the configured Regions and skips global services", async () => {
        const iam = { type: "aws:iam/role:Role", name: "role", props: {}, provider: provider("us-east-1") };
        const route53 = { type: "aws:route53/record:Record", name: "record", props: {}, provider: provider("us-east-1") };
        expect(await messagesOf([queueIn("eu-central-1"), queueIn("eu-west-2"), iam, route53])).to.deep.equal([]);
    });

    it("flags a resource outside the configured Regions, attributed to it", async () => {
        const result = await runStackPolicy(gdprDataResidency, [queueIn("eu-central-1"), queueIn("us-east-1", "events")], EU);
        expect(result.violations).to.deep.equal([
            {
                message: "Queue 'events' is in us-east-1 (from its provider); allowed Regions: eu-central-1, eu-west-2 (allowedRegions in pack config).",
                urn: urnOf("aws:sqs/queue:Queue", "events"),
                enforcementLevel: "mandatory",
            },
        ]);
    });

    it("lets the resource's own region argument win over its provider's", async () => {
        expect(await messagesOf([{ ...queueIn("eu-central-1", "q"), props: { region: "us-west-2" } }])).to.deep.equal([
            "Queue 'q' is in us-west-2 (from its resource); allowed Regions: eu-central-1, eu-west-2 (allowedRegions in pack config).",
        ]);
    });

    it("flags a resource whose Region cannot be determined, and passes one unknown during preview", async () => {
        const bare = { type: "aws:sqs/queue:Queue", name: "bare", props: {} };
        const unknown = { type: "aws:sqs/queue:Queue", name: "later", props: {}, provider: { props: { region: UNKNOWN_STRING } } };
        expect(await messagesOf([bare, unknown])).to.deep.equal([
            "Queue 'bare': the Region cannot be determined; create it with an explicit provider whose region is set.",
        ]);
    });

    it("flags a DynamoDB replica outside the allowed Regions", async () => {
        const table = { type: "aws:dynamodb/table:Table", name: "contacts", props: { replicas: [{ regionName: "eu-west-2" }, { regionName: "us-west-2" }] }, provider: provider("eu-central-1") };
        expect(await messagesOf([table])).to.deep.equal([
            "Table 'contacts' has a replica in us-west-2; allowed Regions: eu-central-1, eu-west-2 (allowedRegions in pack config).",
        ]);
    });

    it("takes the Regions from the stack's own Region-deny SCP when pack config names none", async () => {
        const stack = [scp(regionDenyContent(["us-east-1", "us-west-2"])), queueIn("us-west-2"), queueIn("eu-west-1", "stray")];
        expect(await messagesOf(stack, { config: {} })).to.deep.equal([
            "Queue 'stray' is in eu-west-1 (from its provider); allowed Regions: us-east-1, us-west-2 (the Region-deny SCP 'guardrails-scp-1' of this stack).",
        ]);
    });

    it("reads the Region-deny SCP OrgGuardrails builds", async () => {
        const [document] = buildGuardrailDocuments({
            drRegions: ["us-east-1", "us-west-2"],
            breakGlassRoleArnPattern: "arn:aws:iam::*:role/BreakGlass",
            deployerRoleArnPattern: "arn:aws:iam::*:role/Deployer",
            replicationRoleNamePatterns: ["recordings-replication-role*"],
            failoverRoleNamePatterns: ["failover-*"],
        });
        expect(await messagesOf([scp(document.content), queueIn("us-east-1"), queueIn("eu-central-1", "stray")], { config: {} })).to.deep.equal([
            "Queue 'stray' is in eu-central-1 (from its provider); allowed Regions: us-east-1, us-west-2 (the Region-deny SCP 'guardrails-scp-1' of this stack).",
        ]);
    });

    it("does not apply when the SCP content is unknown during preview, nor when the stack's SCPs deny no Region", async () => {
        expect((await runStackPolicy(gdprDataResidency, [scp(UNKNOWN_STRING), queueIn("eu-west-1")])).notApplicable).to.equal("an SCP's content is unknown during preview");
        const leaveOrg = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }] });
        expect((await runStackPolicy(gdprDataResidency, [scp(leaveOrg), queueIn("eu-west-1")])).notApplicable).to.match(/^no Region choice/);
    });

    it("prefers allowedRegions in pack config over the stack's SCP", async () => {
        const stack = [scp(regionDenyContent(["us-east-1", "us-west-2"])), queueIn("us-east-1", "use1")];
        expect(await messagesOf(stack)).to.deep.equal([
            "Queue 'use1' is in us-east-1 (from its provider); allowed Regions: eu-central-1, eu-west-2 (allowedRegions in pack config).",
        ]);
    });

    it("serves GDPR only: not applicable when only PCI DSS is selected", async () => {
        const result = await runStackPolicy(gdprDataResidency, [queueIn("us-east-1")], { config: { ...EU.config, frameworks: ["pci-dss"] } });
        expect(result.notApplicable).to.equal("serves gdpr; selected frameworks: pci-dss");
    });
});
