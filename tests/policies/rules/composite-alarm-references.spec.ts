import { expect } from "chai";
import { compositeAlarmReferences } from "../../../policies/rules/composite-alarm-references";
import { type HarnessResource, runStackPolicy, UNKNOWN_STRING, urnOf } from "../support/policy-harness";
import { ACCOUNT, metricAlarm, PEER, provider, REGION } from "../support/failover-fixtures";

// CloudWatch (Creating a composite alarm): "all underlying alarms must be in the same AWS Region and the same
// account". PutCompositeAlarm's AlarmRule: ALARM/OK/INSUFFICIENT_DATA("alarm-name or alarm-ARN"), quotes optional.
const NETWORK = "444455556666";
const composite = (alarmRule: unknown): HarnessResource => ({
    type: "aws:cloudwatch/compositeAlarm:CompositeAlarm",
    name: "health",
    props: { alarmName: `connect-dr-${REGION}-health`, alarmRule },
    provider: provider(),
});
const LOCAL = [metricAlarm("connect-throttles", {}), metricAlarm("connect-flow-errors", {})];
const PEER_ALARMS = { peerAlarmArns: [`arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:lambda-errors-${REGION}`, `arn:aws:cloudwatch:${PEER}:${ACCOUNT}:alarm:lambda-errors-${PEER}`] };
const messagesOf = async (resources: HarnessResource[], config?: Record<string, unknown>) =>
    (await runStackPolicy(compositeAlarmReferences, resources, config ? { config } : {})).violations.map(v => v.message);
const SUBJECT = `CompositeAlarm 'health' (${REGION}, account ${ACCOUNT}) names`;

describe("policy composite-alarm-references", () => {
    it("passes names of this stack's alarms in the composite's account and Region, quoted or not, in any function", async () => {
        const rule = 'ALARM("connect-throttles") OR (OK(connect-flow-errors) AND NOT INSUFFICIENT_DATA("connect-throttles"))';
        expect(await messagesOf([...LOCAL, composite(rule)])).to.deep.equal([]);
    });

    it("passes an alarm named by its ARN in the same account and Region", async () => {
        expect(await messagesOf([...LOCAL, composite(`ALARM("arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:connect-throttles")`)])).to.deep.equal([]);
    });

    it("flags an alarm ARN of another Region, attributed to the composite alarm", async () => {
        const arn = `arn:aws:cloudwatch:${PEER}:${ACCOUNT}:alarm:connect-throttles`;
        expect((await runStackPolicy(compositeAlarmReferences, [...LOCAL, composite(`ALARM("${arn}")`)])).violations).to.deep.equal([
            {
                message: `${SUBJECT} "${arn}", an alarm of ${PEER}, account ${ACCOUNT}: a composite alarm watches only alarms of its own account and Region.`,
                urn: urnOf("aws:cloudwatch/compositeAlarm:CompositeAlarm", "health"),
                enforcementLevel: "mandatory",
            },
        ]);
    });

    it("flags an alarm ARN of another account", async () => {
        const arn = `arn:aws:cloudwatch:${REGION}:${NETWORK}:alarm:sip-carrier-a`;
        expect(await messagesOf([composite(`ALARM(${arn})`)])).to.deep.equal([
            `${SUBJECT} "${arn}", an alarm of ${REGION}, account ${NETWORK}: a composite alarm watches only alarms of its own account and Region.`,
        ]);
    });

    describe("with the other stack's alarms (peerAlarmArns, as the gate passes them)", () => {
        it("passes a name the other stack declares in the composite's account and Region", async () => {
            expect(await messagesOf([...LOCAL, composite(`ALARM("connect-throttles") OR ALARM("lambda-errors-${REGION}")`)], PEER_ALARMS)).to.deep.equal([]);
        });

        it("flags a name declared only in another Region, by this stack or the other", async () => {
            const westAlarm = metricAlarm("sip-carrier-a", {}, PEER);
            expect(await messagesOf([westAlarm, composite(`ALARM("sip-carrier-a") OR ALARM("lambda-errors-${PEER}")`)], PEER_ALARMS)).to.deep.equal([
                `${SUBJECT} "sip-carrier-a", which this stack declares in ${PEER}, account ${ACCOUNT}, not in the composite alarm's own account and Region.`,
                `${SUBJECT} "lambda-errors-${PEER}", which the other stack declares in ${PEER}, account ${ACCOUNT}, not in the composite alarm's own account and Region.`,
            ]);
        });

        it("flags a name neither stack declares (a typo, or an alarm never created)", async () => {
            expect(await messagesOf([...LOCAL, composite('ALARM("connect-throttle")')], PEER_ALARMS)).to.deep.equal([
                `${SUBJECT} "connect-throttle", which neither this stack nor the other stack declares.`,
            ]);
        });

        it("flags a name declared in the same Region by another account", async () => {
            const network = { ...metricAlarm("vpn-tunnel", {}), provider: provider(REGION, NETWORK) };
            expect(await messagesOf([network, composite('ALARM("vpn-tunnel")')], PEER_ALARMS)).to.deep.equal([
                `${SUBJECT} "vpn-tunnel", which this stack declares in ${REGION}, account ${NETWORK}, not in the composite alarm's own account and Region.`,
            ]);
        });
    });

    it("without the other stack's alarms, cannot tell about names this stack does not declare here", async () => {
        expect(await messagesOf([metricAlarm("sip-carrier-a", {}, PEER), composite('ALARM("sip-carrier-a") OR ALARM("primary-alarm")')])).to.deep.equal([]);
    });

    it("cannot tell while the rule, or the name of an alarm of the same Region, is unknown during preview", async () => {
        expect(await messagesOf([composite(UNKNOWN_STRING)], PEER_ALARMS)).to.deep.equal([]);
        expect(await messagesOf([metricAlarm("x", { name: UNKNOWN_STRING }), composite('ALARM("connect-throttle")')], PEER_ALARMS)).to.deep.equal([]);
    });
});
