import type { PolicyResource } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { CONTROLS } from "../frameworks";
import { type AlarmReference, alarmRuleReferences, parseAlarmArn } from "../inspection/alarm-rule";
import { alarmName } from "../inspection/failover";
import { readProperty } from "../inspection/known-value";
import { resourceAccount } from "../inspection/resource-account";
import { resourceLabel } from "../inspection/resource-label";
import { resourceRegion } from "../inspection/resource-region";
import { ALARM_TYPES, AwsType } from "../resource-types";
import { defineStackRule } from "../rule-definition";

/** Config of the rule: the alarms the other stack declares, when the caller knows them. */
export interface CompositeAlarmReferencesConfig {
    /** ARNs (`arn:aws:cloudwatch:<region>:<account>:alarm:<name>`); undefined when not given. */
    readonly peerAlarmArns?: readonly string[];
}

const peerAlarmArnsSchema: PolicyConfigJSONSchema = {
    type: "array",
    items: { type: "string", pattern: "^arn:aws[a-z-]*:cloudwatch:[a-z0-9-]+:\\d{12}:alarm:.+$" },
    uniqueItems: true,
    description:
        "ARNs of the alarms the other stack declares (the gate fills this in from the stack this one reads). Unset: a name " +
        "this stack does not declare cannot be checked.",
};

/** Where a named alarm lives. */
interface AlarmSite {
    readonly region?: string;
    readonly account?: string;
    readonly from: string;
}

/**
 * A composite alarm watches alarms of its own account and Region only (CloudWatch: "all underlying
 * alarms must be in the same AWS Region and the same account"), and only alarms that exist: a rule
 * naming another Region's alarm, or a name nobody declares, leaves the composite (and the failover it
 * drives) blind. Names are resolved against this stack's alarms and, when given, the other stack's.
 */
export const compositeAlarmReferences = defineStackRule<CompositeAlarmReferencesConfig>({
    name: "composite-alarm-references",
    family: "resilience",
    description: "Composite alarm rules name only alarms of their own account and Region that this stack or the other stack declares.",
    enforcementLevel: "mandatory",
    remediation:
        "Build the rule from the names of alarms created with the provider of the composite alarm's account and Region " +
        "(in this stack, through their outputs, or exported by the other stack); create per-Region composite alarms instead " +
        "of naming another Region's alarms.",
    controls: [CONTROLS.gdpr.resilience],
    configProperties: { peerAlarmArns: peerAlarmArnsSchema },
    readConfig: raw =>
        Array.isArray(raw.peerAlarmArns) ? { peerAlarmArns: raw.peerAlarmArns.filter((a): a is string => typeof a === "string") } : {},
    validate: (args, report, { config }) => {
        const alarms = args.resources.filter(r => ALARM_TYPES.includes(r.type));
        const sites = new Map<string, AlarmSite[]>();
        const add = (name: string, site: AlarmSite) => sites.set(name, [...(sites.get(name) ?? []), site]);
        let unnamed: AlarmSite[] = [];
        for (const alarm of alarms) {
            const site = siteOf(alarm, "this stack");
            const name = alarmName(alarm);
            if (name === undefined) {
                unnamed = [...unnamed, site];
            } else {
                add(name, site);
            }
        }
        for (const arn of config.peerAlarmArns ?? []) {
            const parsed = parseAlarmArn(arn);
            if (parsed) {
                add(parsed.name, { region: parsed.region, account: parsed.account, from: "the other stack" });
            }
        }
        for (const composite of args.resources.filter(r => r.type === AwsType.compositeAlarm)) {
            const rule = readProperty(composite.props, "alarmRule");
            if (!rule.known || typeof rule.value !== "string") {
                continue;
            }
            const own = siteOf(composite, "this stack");
            for (const reference of alarmRuleReferences(rule.value)) {
                const problem = referenceProblem(reference, own, sites.get(reference.name) ?? [], unnamed, config.peerAlarmArns !== undefined);
                if (problem) {
                    report(`${resourceLabel(composite)} (${own.region ?? "?"}, account ${own.account ?? "?"}) names ${problem}.`, composite.urn);
                }
            }
        }
    },
});

function siteOf(alarm: PolicyResource, from: string): AlarmSite {
    const region = resourceRegion(alarm.props, alarm.provider);
    return { region: "region" in region ? region.region : undefined, account: resourceAccount(alarm.provider), from };
}

// Unknown on either side matches: the rule cannot tell.
const sameSite = (a: AlarmSite, b: Omit<AlarmSite, "from">) =>
    (a.region === undefined || b.region === undefined || a.region === b.region) && (a.account === undefined || b.account === undefined || a.account === b.account);

function where(site: Omit<AlarmSite, "from">): string {
    return `${site.region ?? "an unknown Region"}, account ${site.account ?? "unknown"}`;
}

/** Why the composite alarm at `own` cannot watch `reference`, or undefined if it can (or cannot tell). */
function referenceProblem(reference: AlarmReference, own: AlarmSite, candidates: readonly AlarmSite[], unnamed: readonly AlarmSite[], peerKnown: boolean): string | undefined {
    const quoted = `"${reference.reference}"`;
    if (reference.region !== undefined && !sameSite(own, reference)) {
        return `${quoted}, an alarm of ${where(reference)}: a composite alarm watches only alarms of its own account and Region`;
    }
    const target = { region: reference.region ?? own.region, account: reference.account ?? own.account };
    if (candidates.some(c => sameSite(c, target)) || unnamed.some(u => sameSite(u, target))) {
        return undefined;
    }
    // Without the other stack's alarms, a name this stack does not declare here may still be declared there.
    if (!peerKnown) {
        return undefined;
    }
    if (candidates.length > 0) {
        return `${quoted}, which ${candidates.map(c => `${c.from} declares in ${where(c)}`).join(" and ")}, not in the composite alarm's own account and Region`;
    }
    return `${quoted}, which neither this stack nor the other stack declares`;
}
