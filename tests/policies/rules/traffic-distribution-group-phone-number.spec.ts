import { expect } from "chai";
import { trafficDistributionGroupPhoneNumber } from "../../../policies/rules/traffic-distribution-group-phone-number";
import { type HarnessResource, runStackPolicy, UNKNOWN_ARRAY, UNKNOWN_STRING, urnOf } from "../support/policy-harness";

// CONTRACTS A: the group's phoneNumberIds lists numbers MOVED into it; each CLAIMED number is a PhoneNumber
// whose targetArn is the group's arn (so preview shows it unknown, with a property dependency on the group).
const GROUP = "pulumi-nodejs:dynamic/acgr:TrafficDistributionGroup";
const NUMBER = "pulumi-nodejs:dynamic/acgr:PhoneNumber";
const GROUP_ARN = "arn:aws:connect:us-east-1:111122223333:traffic-distribution-group/0a1b2c3d-4e5f-6789-abcd-ef0123456789";
const groupUrn = urnOf(GROUP, "traffic");

const group = (props: Record<string, unknown> = {}): HarnessResource => ({ type: GROUP, name: "traffic", props: { arn: GROUP_ARN, phoneNumberIds: [], ...props } });
const claimed = (targetArn: unknown, dependsOnGroup = true): HarnessResource => ({
    type: NUMBER,
    name: "number-main",
    props: { targetArn, countryCode: "US", type: "DID" },
    ...(dependsOnGroup ? { propertyDependencies: { targetArn: [groupUrn] }, dependencies: [groupUrn] } : {}),
});
const messagesOf = async (resources: HarnessResource[]) => (await runStackPolicy(trafficDistributionGroupPhoneNumber, resources)).violations.map(v => v.message);
const EMPTY =
    "Traffic distribution group 'traffic' carries no phone number (phoneNumberIds is empty and no PhoneNumber is claimed into it): a failover would move no call.";

describe("policy traffic-distribution-group-phone-number", () => {
    it("passes a group with a number moved into it", async () => {
        expect(await messagesOf([group({ phoneNumberIds: ["arn:aws:connect:us-east-1:111122223333:phone-number/1a2b"] })])).to.deep.equal([]);
    });

    it("passes a group a number is claimed into: by property dependency during preview, or by its known ARN", async () => {
        expect(await messagesOf([group(), claimed(UNKNOWN_STRING)])).to.deep.equal([]);
        expect(await messagesOf([group(), claimed(GROUP_ARN, false)])).to.deep.equal([]);
    });

    it("flags an empty group, attributed to it", async () => {
        expect((await runStackPolicy(trafficDistributionGroupPhoneNumber, [group()])).violations).to.deep.equal([
            { message: EMPTY, urn: groupUrn, enforcementLevel: "mandatory" },
        ]);
    });

    it("flags a group when the stack's numbers are claimed into another group", async () => {
        const other = "arn:aws:connect:us-east-1:111122223333:traffic-distribution-group/ffffffff-0000-1111-2222-333333333333";
        expect(await messagesOf([group(), claimed(other, false)])).to.deep.equal([EMPTY]);
    });

    it("cannot tell while phoneNumberIds is unknown during preview", async () => {
        expect(await messagesOf([group({ phoneNumberIds: UNKNOWN_ARRAY })])).to.deep.equal([]);
    });

    it("checks only the contract's ACGR type, not the legacy dynamic resource type", async () => {
        expect(await messagesOf([{ ...group(), type: "pulumi-nodejs:dynamic:Resource" }])).to.deep.equal([]);
    });

    it("stays in force when only PCI DSS is selected", async () => {
        const result = await runStackPolicy(trafficDistributionGroupPhoneNumber, [group()], { config: { frameworks: ["pci-dss"] } });
        expect(result.violations.map(v => v.enforcementLevel)).to.deep.equal(["mandatory"]);
    });
});
