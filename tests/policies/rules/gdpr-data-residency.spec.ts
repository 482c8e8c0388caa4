import { expect } from "chai";
import { gdprDataResidency } from "../../../policies/rules/gdpr-data-residency";
import { messages, runResourcePolicy, UNKNOWN_STRING } from "../support/policy-harness";

const frankfurt = { name: "workload-eu-central-1", props: { region: "eu-central-1" } };
const virginia = { name: "workload-us-east-1", props: { region: "us-east-1" } };
const queue = (provider?: { name: string; props: Record<string, unknown> }, props: Record<string, unknown> = {}) => ({
    type: "aws:sqs/queue:Queue",
    props,
    ...(provider ? { provider } : {}),
});

describe("policy gdpr-data-residency", () => {
    it("passes a resource whose provider is in an allowed Region (default: the EU pair)", async () => {
        expect(messages(await runResourcePolicy(gdprDataResidency, queue(frankfurt)))).to.deep.equal([]);
    });

    it("skips global services", async () => {
        expect(messages(await runResourcePolicy(gdprDataResidency, { type: "aws:iam/role:Role", props: {}, provider: virginia }))).to.deep.equal([]);
        expect(messages(await runResourcePolicy(gdprDataResidency, { type: "aws:route53/record:Record", props: {}, provider: virginia }))).to.deep.equal([]);
    });

    it("passes a Region unknown during preview", async () => {
        expect(messages(await runResourcePolicy(gdprDataResidency, queue({ name: "p", props: { region: UNKNOWN_STRING } })))).to.deep.equal([]);
    });

    it("flags a resource whose provider is outside the allowed Regions", async () => {
        expect(messages(await runResourcePolicy(gdprDataResidency, queue(virginia)))).to.deep.equal([
            "The resource is in us-east-1 (from its provider); allowed Regions: eu-central-1, eu-west-2.",
        ]);
    });

    it("lets the resource's own region argument win over its provider's", async () => {
        expect(messages(await runResourcePolicy(gdprDataResidency, queue(frankfurt, { region: "us-west-2" })))).to.deep.equal([
            "The resource is in us-west-2 (from its resource); allowed Regions: eu-central-1, eu-west-2.",
        ]);
    });

    it("flags a resource whose Region cannot be determined", async () => {
        expect(messages(await runResourcePolicy(gdprDataResidency, queue()))).to.deep.equal([
            "The Region cannot be determined: create the resource with an explicit provider whose region is set.",
        ]);
    });

    it("flags a DynamoDB replica outside the allowed Regions", async () => {
        const table = { type: "aws:dynamodb/table:Table", props: { replicas: [{ regionName: "eu-west-2" }, { regionName: "us-west-2" }] }, provider: frankfurt };
        expect(messages(await runResourcePolicy(gdprDataResidency, table))).to.deep.equal([
            "The table has a replica in us-west-2; allowed Regions: eu-central-1, eu-west-2.",
        ]);
    });

    it("uses allowedRegions from pack config", async () => {
        const config = { allowedRegions: ["us-east-1", "us-west-2"] };
        expect(messages(await runResourcePolicy(gdprDataResidency, queue(virginia), { config }))).to.deep.equal([]);
        expect(messages(await runResourcePolicy(gdprDataResidency, queue(frankfurt), { config }))).to.deep.equal([
            "The resource is in eu-central-1 (from its provider); allowed Regions: us-east-1, us-west-2.",
        ]);
    });
});
