import { expect } from "chai";
import { scpAllowedRegions } from "../../policies/residency";

// IAM condition operators (IAM User Guide, "Condition operators"): StringNotEquals, StringNotEqualsIgnoreCase and
// StringNotLike (with IfExists) on aws:RequestedRegion in a Deny statement deny every Region outside the list.
const deny = (condition: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ Effect: "Deny", NotAction: ["iam:*"], Resource: "*", Condition: condition, ...extra });
const doc = (...statements: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

describe("residency: the Regions a Region-deny SCP allows", () => {
    const cases: [string, string, readonly string[] | undefined][] = [
        ["StringNotEquals with a list", doc(deny({ StringNotEquals: { "aws:RequestedRegion": ["us-east-1", "us-west-2"] } })), ["us-east-1", "us-west-2"]],
        ["a single Region as a string, key in another case", doc(deny({ StringNotEquals: { "AWS:RequestedRegion": "eu-central-1" } })), ["eu-central-1"]],
        ["StringNotEqualsIgnoreCase and IfExists", doc(deny({ StringNotEqualsIgnoreCase: { "aws:RequestedRegion": ["eu-west-2"] } }), deny({ StringNotLikeIfExists: { "aws:RequestedRegion": ["eu-west-2", "eu-central-1"] } })), ["eu-west-2"]],
        ["other conditions beside it (the break-glass exemption)", doc(deny({ StringNotEquals: { "aws:RequestedRegion": ["us-east-1"] }, ArnNotLike: { "aws:PrincipalARN": ["arn:aws:iam::*:role/BreakGlass"] } })), ["us-east-1"]],
        ["an Allow on aws:RequestedRegion is no deny", doc({ Effect: "Allow", Action: "*", Resource: "*", Condition: { StringNotEquals: { "aws:RequestedRegion": ["us-east-1"] } } }), undefined],
        ["StringEquals denies the listed Regions, it does not allow them", doc(deny({ StringEquals: { "aws:RequestedRegion": ["ap-east-1"] } })), undefined],
        ["no Region condition", doc({ Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }), undefined],
        ["not JSON", "{", undefined],
    ];
    for (const [label, content, expected] of cases) {
        it(label, () => {
            expect(scpAllowedRegions(content)).to.deep.equal(expected);
        });
    }
});
