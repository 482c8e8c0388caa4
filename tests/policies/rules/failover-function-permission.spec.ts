import { expect } from "chai";
import { failoverFunctionPermission } from "../../../policies/rules/failover-function-permission";
import { type HarnessResource, runStackPolicy, UNKNOWN_STRING, urnOf } from "../support/policy-harness";
import { ACCOUNT, automation, FAILOVER_TYPES, failoverFunction, GROUP_ARN, handlerStatements, PEER, role, rolePolicy, roleUrn } from "../support/failover-fixtures";

// Amazon Connect API Reference, UpdateTrafficDistribution: the group is named by its ARN
// (arn:aws:connect:<region>:<account>:traffic-distribution-group/<uuid>, required from the replica Region),
// the resource the call is authorized on.
const OTHER_GROUP = `arn:aws:connect:${PEER}:${ACCOUNT}:traffic-distribution-group/ffffffff-0000-1111-2222-333333333333`;
const replacing = (type: string, ...replacements: HarnessResource[]) => [...automation().filter(r => r.type !== type), ...replacements];
const messagesOf = async (resources: HarnessResource[]) => (await runStackPolicy(failoverFunctionPermission, resources)).violations.map(v => v.message);
const DENIED = (group = GROUP_ARN) =>
    `Function 'failover-function' moves traffic distribution group ${group} but its role 'failover-role' may not call ` +
    "connect:UpdateTrafficDistribution on it: a failover would fail with AccessDeniedException.";

describe("policy failover-function-permission", () => {
    it("passes a function whose role may update the distribution of its GROUP_ARN", async () => {
        expect(await messagesOf(automation())).to.deep.equal([]);
    });

    it("passes IAM wildcards that cover the group", async () => {
        const statements = [{ Effect: "Allow", Action: "connect:*", Resource: `arn:aws:connect:*:${ACCOUNT}:traffic-distribution-group/*` }];
        expect(await messagesOf(replacing(FAILOVER_TYPES.rolePolicy, rolePolicy(statements)))).to.deep.equal([]);
    });

    it("flags a role allowed on another group, attributed to the function", async () => {
        const result = await runStackPolicy(failoverFunctionPermission, replacing(FAILOVER_TYPES.rolePolicy, rolePolicy(handlerStatements(OTHER_GROUP))));
        expect(result.violations).to.deep.equal([{ message: DENIED(), urn: urnOf(FAILOVER_TYPES.fn, "failover-function"), enforcementLevel: "mandatory" }]);
    });

    it("flags a statement that names the action but no Resource", async () => {
        const [move, ...rest] = handlerStatements();
        const { Resource: _dropped, ...withoutResource } = move;
        expect(await messagesOf(replacing(FAILOVER_TYPES.rolePolicy, rolePolicy([withoutResource, ...rest])))).to.deep.equal([DENIED()]);
    });

    it("flags an explicit Deny", async () => {
        const deny = { Effect: "Deny", Action: "connect:UpdateTrafficDistribution", Resource: "*" };
        expect(await messagesOf(replacing(FAILOVER_TYPES.rolePolicy, rolePolicy([...handlerStatements(), deny])))).to.deep.equal([DENIED()]);
    });

    it("flags a function whose role may move traffic but which sets no GROUP_ARN", async () => {
        expect(await messagesOf(replacing(FAILOVER_TYPES.fn, failoverFunction({ PAIR: "us-east-1,us-west-2" })))).to.deep.equal([
            "Function 'failover-function' may move traffic (its role names connect:UpdateTrafficDistribution) but sets no GROUP_ARN: " +
                "it cannot know which traffic distribution group to move.",
        ]);
    });

    it("flags a function configured with a group whose role has no policy for it", async () => {
        expect(await messagesOf(automation().filter(r => r.type !== FAILOVER_TYPES.rolePolicy))).to.deep.equal([DENIED()]);
    });

    it("reads inline policies and attached customer-managed policies", async () => {
        const document = JSON.stringify({ Version: "2012-10-17", Statement: handlerStatements() });
        const inline = { ...role(), props: { ...role().props, inlinePolicies: [{ name: "move", policy: document }] } };
        expect(await messagesOf([...automation().filter(r => r.type !== FAILOVER_TYPES.rolePolicy && r.type !== FAILOVER_TYPES.role), inline])).to.deep.equal([]);
        const policyArn = `arn:aws:iam::${ACCOUNT}:policy/failover-move`;
        const managed = { type: "aws:iam/policy:Policy", name: "move", props: { arn: policyArn, policy: document } };
        const attachment = { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "attach", props: { role: "failover-role-1a2b3c", policyArn }, propertyDependencies: { role: [roleUrn] } };
        expect(await messagesOf([...automation().filter(r => r.type !== FAILOVER_TYPES.rolePolicy), managed, attachment])).to.deep.equal([]);
    });

    it("cannot tell, and says nothing, when the group ARN, a policy document or an attached AWS-managed policy is unknown", async () => {
        expect(await messagesOf(replacing(FAILOVER_TYPES.fn, failoverFunction({ GROUP_ARN: UNKNOWN_STRING })))).to.deep.equal([]);
        expect(await messagesOf(replacing(FAILOVER_TYPES.rolePolicy, rolePolicy(UNKNOWN_STRING)))).to.deep.equal([]);
        const awsManaged = { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "attach", props: { role: "failover-role-1a2b3c", policyArn: "arn:aws:iam::aws:policy/AmazonConnect_FullAccess" }, propertyDependencies: { role: [roleUrn] } };
        expect(await messagesOf([...automation().filter(r => r.type !== FAILOVER_TYPES.rolePolicy), awsManaged])).to.deep.equal([]);
        expect(await messagesOf(automation().filter(r => r.type !== FAILOVER_TYPES.role && r.type !== FAILOVER_TYPES.rolePolicy))).to.deep.equal([]);
    });

    it("leaves functions that neither set GROUP_ARN nor may move traffic", async () => {
        const crm = { type: FAILOVER_TYPES.fn, name: "crm", props: { name: "crm", environment: { variables: { SECRET_ID: "x" } } } };
        expect(await messagesOf([crm])).to.deep.equal([]);
    });
});
