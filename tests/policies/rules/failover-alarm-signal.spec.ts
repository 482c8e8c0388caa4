import { expect } from "chai";
import { failoverAlarmSignal } from "../../../policies/rules/failover-alarm-signal";
import { type HarnessResource, runStackPolicy, UNKNOWN_OBJECT, UNKNOWN_STRING, urnOf } from "../support/policy-harness";
import { ACCOUNT, alarmRule, automation, FAILOVER_TYPES, FUNCTION_ARN, functionUrn, healthAlarm, metricAlarm, PEER, REGION } from "../support/failover-fixtures";

// CONTRACTS B, and CloudWatch's PutMetricAlarm: "If TreatMissingData is omitted, the default behavior of missing is used".
const LIVENESS = { "connect-dr:failover-signal": "liveness" };
const QUALITY = { "connect-dr:failover-signal": "quality" };
const messagesOf = async (resources: HarnessResource[]) => (await runStackPolicy(failoverAlarmSignal, resources)).violations.map(v => v.message);
const withoutHealth = (region = REGION) => automation().filter(r => r.name !== `health-${region}`);

describe("policy failover-alarm-signal", () => {
    it("passes the failover automation of a Region: its forwarded health alarm is a tagged liveness signal", async () => {
        expect(await messagesOf(automation())).to.deep.equal([]);
    });

    it("passes liveness metric alarms that treat missing data as breaching, and quality alarms that do not", async () => {
        expect(await messagesOf([metricAlarm("probe", { treatMissingData: "breaching", tags: LIVENESS }), metricAlarm("errors", { treatMissingData: "notBreaching", tags: QUALITY })])).to.deep.equal([]);
    });

    it("flags a liveness metric alarm that treats missing data as not breaching, attributed to it", async () => {
        const result = await runStackPolicy(failoverAlarmSignal, [metricAlarm("probe", { treatMissingData: "notBreaching", tags: LIVENESS })]);
        expect(result.violations).to.deep.equal([
            {
                message:
                    'MetricAlarm \'probe\' (probe) is a liveness signal but treats missing data as "notBreaching": a dark Region publishes no data, ' +
                    'so set treatMissingData to "breaching".',
                urn: urnOf(FAILOVER_TYPES.metric, "probe"),
                enforcementLevel: "mandatory",
            },
        ]);
    });

    it("flags a liveness metric alarm left at CloudWatch's default (missing)", async () => {
        expect(await messagesOf([metricAlarm("probe", { tags: LIVENESS })])).to.deep.equal([
            'MetricAlarm \'probe\' (probe) is a liveness signal but treats missing data as "missing" (the default): a dark Region publishes no data, ' +
                'so set treatMissingData to "breaching".',
        ]);
    });

    it("flags a signal tag with another value", async () => {
        expect(await messagesOf([metricAlarm("probe", { treatMissingData: "breaching", tags: { "connect-dr:failover-signal": "health" } })])).to.deep.equal([
            'MetricAlarm \'probe\' (probe) has connect-dr:failover-signal="health"; use "liveness" or "quality".',
        ]);
    });

    it("flags an untagged composite alarm forwarded to the peer Region's event bus", async () => {
        expect(await messagesOf([...withoutHealth(), healthAlarm({})])).to.deep.equal([
            `CompositeAlarm 'health-${REGION}' (connect-dr-${REGION}-health) can trigger a failover (EventRule 'forward-rule' forwards it to ` +
                `the event bus of ${PEER}) but has no connect-dr:failover-signal tag.`,
        ]);
    });

    it("flags an untagged alarm whose EventBridge rule invokes the failover function (found by property dependency)", async () => {
        const stack = [...withoutHealth(), healthAlarm(), metricAlarm("local-probe", { treatMissingData: "breaching" }), ...alarmRule("local-rule", "local-probe", UNKNOWN_STRING, REGION, [functionUrn])];
        expect(await messagesOf(stack)).to.deep.equal([
            "MetricAlarm 'local-probe' (local-probe) can trigger a failover (EventRule 'local-rule' invokes Function 'failover-function') but has no connect-dr:failover-signal tag.",
        ]);
    });

    it("flags an untagged alarm whose alarm actions invoke the failover function, by its ARN or an alias ARN", async () => {
        for (const action of [FUNCTION_ARN, `${FUNCTION_ARN}:live`]) {
            expect(await messagesOf([...automation(), metricAlarm("probe", { treatMissingData: "breaching", alarmActions: [action] })]), action).to.deep.equal([
                "MetricAlarm 'probe' (probe) can trigger a failover (its alarm actions invoke Function 'failover-function') but has no connect-dr:failover-signal tag.",
            ]);
        }
    });

    it("does not tie a rule to a same-named alarm of another Region (the default bus sees its own Region's alarms)", async () => {
        const stack = [...withoutHealth(), healthAlarm({}, PEER, `connect-dr-${REGION}-health`)];
        expect(await messagesOf(stack)).to.deep.equal([]);
    });

    it("leaves untagged alarms that drive nothing, and alarms whose tags are unknown during preview", async () => {
        expect(await messagesOf([metricAlarm("errors", { alarmActions: [`arn:aws:sns:${REGION}:${ACCOUNT}:ops`] })])).to.deep.equal([]);
        expect(await messagesOf([...withoutHealth(), healthAlarm(UNKNOWN_OBJECT)])).to.deep.equal([]);
    });

    it("stays in force when only PCI DSS is selected", async () => {
        const result = await runStackPolicy(failoverAlarmSignal, [metricAlarm("probe", { tags: LIVENESS })], { config: { frameworks: ["pci-dss"] } });
        expect(result.violations.map(v => v.enforcementLevel)).to.deep.equal(["mandatory"]);
    });
});
