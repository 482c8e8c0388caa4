/**
 * One Region's failover automation as the stack sends it to AnalyzeStack, shaped as FailoverAutomation
 * declares it and CONTRACTS A/B specify: the failover function (env GROUP_ARN) and its role policy, the
 * health composite alarm tagged as a liveness signal, the EventBridge rule forwarding it to the peer
 * Region's bus, and the rule invoking the function on the peer's health alarm. Specs replace one piece.
 */
import { type HarnessResource, urnOf } from "./policy-harness";

export const ACCOUNT = "111122223333";
export const REGION = "us-west-2";
export const PEER = "us-east-1";
export const GROUP_ARN = `arn:aws:connect:${PEER}:${ACCOUNT}:traffic-distribution-group/0a1b2c3d-4e5f-6789-abcd-ef0123456789`;
export const FUNCTION_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:connect-dr-failover-${REGION}`;

export const provider = (region = REGION, account = ACCOUNT) => ({
    name: `workload-${region}`,
    props: { region, assumeRoles: JSON.stringify([{ roleArn: `arn:aws:iam::${account}:role/ConnectDrDeployer` }]) },
});

const TYPES = {
    fn: "aws:lambda/function:Function",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    metric: "aws:cloudwatch/metricAlarm:MetricAlarm",
    composite: "aws:cloudwatch/compositeAlarm:CompositeAlarm",
    rule: "aws:cloudwatch/eventRule:EventRule",
    target: "aws:cloudwatch/eventTarget:EventTarget",
} as const;
export { TYPES as FAILOVER_TYPES };

export const roleUrn = urnOf(TYPES.role, "failover-role");
export const functionUrn = urnOf(TYPES.fn, "failover-function");

/** The handler's policy statements (failover-automation.ts), `MoveTraffic` first. */
export function handlerStatements(groupArn: unknown = GROUP_ARN): Record<string, unknown>[] {
    return [
        { Sid: "MoveTraffic", Effect: "Allow", Action: ["connect:GetTrafficDistribution", "connect:UpdateTrafficDistribution"], Resource: groupArn },
        { Sid: "Notify", Effect: "Allow", Action: "sns:Publish", Resource: `arn:aws:sns:${REGION}:${ACCOUNT}:connect-dr-failover-${REGION}` },
    ];
}

export const role = (): HarnessResource => ({
    type: TYPES.role,
    name: "failover-role",
    props: { arn: `arn:aws:iam::${ACCOUNT}:role/failover-role-1a2b3c`, name: "failover-role-1a2b3c", id: "failover-role-1a2b3c" },
    provider: provider(),
});

export const rolePolicy = (statements: unknown[] | string = handlerStatements()): HarnessResource => ({
    type: TYPES.rolePolicy,
    name: "failover-policy",
    props: { role: "failover-role-1a2b3c", policy: typeof statements === "string" ? statements : JSON.stringify({ Version: "2012-10-17", Statement: statements }) },
    provider: provider(),
    propertyDependencies: { role: [roleUrn] },
});

export const failoverFunction = (variables: Record<string, unknown> = { GROUP_ARN, PAIR: `${PEER},${REGION}` }): HarnessResource => ({
    type: TYPES.fn,
    name: "failover-function",
    props: { name: `connect-dr-failover-${REGION}`, arn: FUNCTION_ARN, role: role().props.arn, environment: { variables } },
    provider: provider(),
    propertyDependencies: { role: [roleUrn] },
});

export const healthAlarm = (tags: unknown = { "connect-dr:failover-signal": "liveness" }, region = REGION, name = `connect-dr-${REGION}-health`): HarnessResource => ({
    type: TYPES.composite,
    name: `health-${region}`,
    props: { alarmName: name, alarmRule: 'ALARM("connect-dr-connect-throttles")', tags },
    provider: provider(region),
});

/** An EventBridge rule on `alarmName`'s state changes with one target `arn`. */
export function alarmRule(name: string, alarmName: string, targetArn: unknown, region = REGION, targetDependencies: string[] = []): HarnessResource[] {
    const pattern = { source: ["aws.cloudwatch"], "detail-type": ["CloudWatch Alarm State Change"], detail: { alarmName: [alarmName], state: { value: ["ALARM"] } } };
    return [
        { type: TYPES.rule, name, props: { name, eventPattern: JSON.stringify(pattern) }, provider: provider(region) },
        {
            type: TYPES.target,
            name: `${name}-target`,
            props: { rule: name, arn: targetArn },
            provider: provider(region),
            propertyDependencies: { rule: [urnOf(TYPES.rule, name)], arn: targetDependencies },
        },
    ];
}

/** The whole automation of one Region, compliant. */
export function automation(): HarnessResource[] {
    return [
        role(),
        rolePolicy(),
        failoverFunction(),
        healthAlarm(),
        ...alarmRule("forward-rule", `connect-dr-${REGION}-health`, `arn:aws:events:${PEER}:${ACCOUNT}:event-bus/default`),
        healthAlarm(undefined, PEER, `connect-dr-${PEER}-health`),
        ...alarmRule("trigger-rule", `connect-dr-${PEER}-health`, FUNCTION_ARN, REGION, [functionUrn]),
    ];
}

/** A metric alarm. */
export const metricAlarm = (name: string, props: Record<string, unknown>, region = REGION): HarnessResource => ({
    type: TYPES.metric,
    name,
    props: { name, namespace: "AWS/Connect", metricName: "ThrottledCalls", ...props },
    provider: provider(region),
});
