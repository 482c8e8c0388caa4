import { CONTROLS } from "../frameworks";
import { alarmName, FAILOVER_SIGNAL_TAG, FAILOVER_SIGNALS, failoverDrivers } from "../inspection/failover";
import { readProperty } from "../inspection/known-value";
import { resourceLabel } from "../inspection/resource-label";
import { tagValue } from "../inspection/tags";
import { AwsType, ALARM_TYPES } from "../resource-types";
import { defineStackRule } from "../rule-definition";

/**
 * Alarms that drive failover say what they signal (CONTRACTS B), and liveness signals survive a dark
 * Region: a Region that is down publishes no metrics, so a liveness alarm that treats missing data as
 * anything but breaching stays OK exactly when it should fire (CloudWatch's default is `missing`).
 */
export const failoverAlarmSignal = defineStackRule({
    name: "failover-alarm-signal",
    family: "resilience",
    description: "Alarms that can trigger a failover are tagged as liveness or quality signals, and liveness metric alarms treat missing data as breaching.",
    enforcementLevel: "mandatory",
    remediation:
        `Tag every alarm whose state reaches the failover function (alarm action, EventBridge rule or forwarding) with ` +
        `${FAILOVER_SIGNAL_TAG}: "liveness" (is the Region alive) or "quality" (errors of a Region still reporting), and set ` +
        `treatMissingData: "breaching" on liveness metric alarms.`,
    controls: [CONTROLS.gdpr.resilience],
    validate: (args, report) => {
        const drivers = failoverDrivers(args.resources);
        for (const alarm of args.resources.filter(r => ALARM_TYPES.includes(r.type))) {
            const label = `${resourceLabel(alarm)}${alarmName(alarm) ? ` (${alarmName(alarm)})` : ""}`;
            const tags = readProperty(alarm.props, "tags");
            const signal = tagValue(alarm, FAILOVER_SIGNAL_TAG);
            const driver = drivers.find(d => d.alarm.urn === alarm.urn);
            if (signal === undefined) {
                if (driver && tags.known) {
                    report(`${label} can trigger a failover (${driver.via}) but has no ${FAILOVER_SIGNAL_TAG} tag.`, alarm.urn);
                }
                continue;
            }
            if (!(FAILOVER_SIGNALS as readonly string[]).includes(signal)) {
                report(`${label} has ${FAILOVER_SIGNAL_TAG}=${JSON.stringify(signal)}; use ${FAILOVER_SIGNALS.map(s => `"${s}"`).join(" or ")}.`, alarm.urn);
                continue;
            }
            if (signal !== "liveness" || alarm.type !== AwsType.metricAlarm) {
                continue;
            }
            const missing = readProperty(alarm.props, "treatMissingData");
            if (missing.known && missing.value !== "breaching") {
                report(
                    `${label} is a liveness signal but treats missing data as ${JSON.stringify(missing.value ?? "missing")}` +
                        `${missing.value === undefined ? " (the default)" : ""}: a dark Region publishes no data, so set treatMissingData to "breaching".`,
                    alarm.urn,
                );
            }
        }
    },
});
