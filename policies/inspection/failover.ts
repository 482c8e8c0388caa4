/**
 * What in a stack drives automated failover: the failover functions (Lambda functions that move an
 * ACGR traffic distribution group) and the CloudWatch alarms whose state reaches them, directly as an
 * alarm action or through an EventBridge rule on alarm state changes (locally or forwarded to another
 * Region's event bus, where the surviving Region's function runs).
 */
import type { PolicyResource } from "@pulumi/policy";
import { ALARM_TYPES, AwsType } from "../resource-types";
import { readArray, readPath, readProperty } from "./known-value";
import { referencedResources } from "./linked-resources";
import { roleStatements } from "./iam-permissions";
import { resourceRegion } from "./resource-region";

/** The tag CONTRACTS B puts on every alarm that can trigger a failover. */
export const FAILOVER_SIGNAL_TAG = "connect-dr:failover-signal";
/** Its values: `liveness` (is the Region alive at all; missing data is breaching) and `quality`. */
export const FAILOVER_SIGNALS = ["liveness", "quality"] as const;

/** The environment variable the failover function reads the traffic distribution group ARN from. */
export const GROUP_ARN_VARIABLE = "GROUP_ARN";
/** The API call that moves traffic between the Regions of a group. */
export const UPDATE_TRAFFIC_DISTRIBUTION = "connect:UpdateTrafficDistribution";

/** The role a function runs as, if the stack declares it. */
export function functionRole(fn: PolicyResource, resources: readonly PolicyResource[]): PolicyResource | undefined {
    const roles = resources.filter(r => r.type === AwsType.iamRole);
    const [role] = referencedResources(fn, "role", readProperty(fn.props, "role"), roles, ["arn"]);
    return role;
}

/**
 * Lambda functions that move traffic: configured with a group (`GROUP_ARN` in their environment) or
 * run by a role whose policies name `connect:UpdateTrafficDistribution`.
 */
export function failoverFunctions(resources: readonly PolicyResource[]): PolicyResource[] {
    return resources.filter(r => {
        if (r.type !== AwsType.lambdaFunction) {
            return false;
        }
        const variables = readPath(r.props, ["environment", "variables"]);
        const setsGroup = variables.known && variables.value !== null && typeof variables.value === "object" && GROUP_ARN_VARIABLE in variables.value;
        return setsGroup || namesUpdateTrafficDistribution(r, resources);
    });
}

function namesUpdateTrafficDistribution(fn: PolicyResource, resources: readonly PolicyResource[]): boolean {
    const role = functionRole(fn, resources);
    const statements = role ? roleStatements(role, resources) : undefined;
    return (
        statements?.known === true &&
        statements.statements.some(s => s.effect === "Allow" && s.actions.some(a => a.toLowerCase() === UPDATE_TRAFFIC_DISTRIBUTION.toLowerCase()))
    );
}

/** One alarm whose state reaches a failover function, and how. */
export interface FailoverDriver {
    readonly alarm: PolicyResource;
    /** e.g. "its alarm actions invoke Function 'failover'". */
    readonly via: string;
}

const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:([^:]+)(:[^:]+)?$/;
const EVENT_BUS_ARN = /^arn:aws[a-z-]*:events:([a-z0-9-]+):\d{12}:event-bus\/.+$/;

function invokesFunction(holder: PolicyResource, property: string, target: { known: boolean; value?: unknown }, functions: readonly PolicyResource[]): PolicyResource | undefined {
    const [byArn] = referencedResources(holder, property, target, functions, ["arn"]);
    if (byArn) {
        return byArn;
    }
    // An alias or version ARN (`...:function:<name>:<qualifier>`) invokes the function too.
    const name = target.known && typeof target.value === "string" ? LAMBDA_ARN.exec(target.value)?.[1] : undefined;
    return name === undefined ? undefined : functions.find(f => {
        const own = readProperty(f.props, "name");
        return own.known && own.value === name;
    });
}

/** The alarm names an EventBridge pattern on CloudWatch alarm state changes matches. */
function patternAlarmNames(rule: PolicyResource): string[] {
    const pattern = readProperty(rule.props, "eventPattern");
    if (!pattern.known || typeof pattern.value !== "string") {
        return [];
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(pattern.value);
    } catch {
        return [];
    }
    const source = readProperty(parsed, "source");
    const names = readPath(parsed, ["detail", "alarmName"]);
    const sources = source.known && Array.isArray(source.value) ? source.value : [];
    if (!sources.includes("aws.cloudwatch") || !names.known || !Array.isArray(names.value)) {
        return [];
    }
    return names.value.filter((n): n is string => typeof n === "string");
}

/** The alarm's CloudWatch name, if known (`name` on metric alarms, `alarmName` on composite alarms). */
export function alarmName(alarm: PolicyResource): string | undefined {
    const name = readProperty(alarm.props, alarm.type === AwsType.compositeAlarm ? "alarmName" : "name");
    return name.known && typeof name.value === "string" ? name.value : undefined;
}

/**
 * Every alarm of the stack whose state can trigger a failover function: its alarm actions invoke one,
 * or an EventBridge rule on its state changes targets one or forwards the event to another event bus.
 */
export function failoverDrivers(resources: readonly PolicyResource[]): FailoverDriver[] {
    const functions = failoverFunctions(resources);
    const alarms = resources.filter(r => ALARM_TYPES.includes(r.type));
    const drivers: FailoverDriver[] = [];
    for (const alarm of alarms) {
        const actions = readArray(alarm.props, "alarmActions");
        for (const action of actions.known ? actions.value : []) {
            const fn = invokesFunction(alarm, "alarmActions", { known: true, value: action }, functions);
            if (fn) {
                drivers.push({ alarm, via: `its alarm actions invoke Function '${fn.name}'` });
                break;
            }
        }
    }
    const rules = resources.filter(r => r.type === AwsType.eventRule);
    for (const target of resources.filter(r => r.type === AwsType.eventTarget)) {
        const [rule] = referencedResources(target, "rule", readProperty(target.props, "rule"), rules, ["name", "id"]);
        if (!rule) {
            continue;
        }
        const arn = readProperty(target.props, "arn");
        const fn = invokesFunction(target, "arn", arn, functions);
        const bus = arn.known && typeof arn.value === "string" ? EVENT_BUS_ARN.exec(arn.value) : null;
        if (!fn && !bus) {
            continue;
        }
        const via = fn ? `EventRule '${rule.name}' invokes Function '${fn.name}'` : `EventRule '${rule.name}' forwards it to the event bus of ${bus![1]}`;
        const ruleRegion = resourceRegion(rule.props, rule.provider);
        for (const name of patternAlarmNames(rule)) {
            // The default bus sees the alarm state changes of its own Region only.
            for (const alarm of alarms.filter(a => alarmName(a) === name && sameRegion(resourceRegion(a.props, a.provider), ruleRegion))) {
                if (!drivers.some(d => d.alarm.urn === alarm.urn)) {
                    drivers.push({ alarm, via });
                }
            }
        }
    }
    return drivers;
}

function sameRegion(a: ReturnType<typeof resourceRegion>, b: ReturnType<typeof resourceRegion>): boolean {
    return !("region" in a) || !("region" in b) || a.region === b.region;
}
