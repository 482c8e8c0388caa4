import * as pulumi from "@pulumi/pulumi";

/**
 * What `connect-dr validate` and `drill` read with the operator role, beyond the failover itself.
 * Every value names exact resources; a validation probe without its resources here is denied.
 */
export interface OperatorValidationArgs {
  /** The Connect instance (the same id in both Regions of the pair) validation reads. */
  readonly connectInstanceId: pulumi.Input<string>;
  /**
   * Functions associated with the instance, as associated (`name`, or `name:alias` where Connect invokes
   * an alias): validation checks each exists (lambda:GetFunction on exactly that ARN). @default none
   */
  readonly associatedFunctionNames?: readonly string[];
  /** Functions validation invokes with `{"healthCheck": true}` (`--health-check-function`). @default none */
  readonly healthCheckFunctionNames?: readonly string[];
  /** Route 53 health checks of the SIP endpoints validation reads (`--sip-health-check`). @default none */
  readonly sipHealthCheckIds?: pulumi.Input<readonly string[]>;
}

/** What the operator policy is built from (FailoverAutomation's own resources). */
export interface OperatorPolicyInputs {
  readonly partition: string;
  readonly accountId: string;
  /** The ACGR pair, primary first. */
  readonly pair: readonly [string, string];
  readonly trafficDistributionGroupArn: pulumi.Input<string>;
  /** This Region's replica of the lock table and its key: an operator assumes the role of the Region traffic moves TO. */
  readonly lockTableArn: pulumi.Input<string>;
  readonly lockTableKmsKeyArn: pulumi.Input<string>;
  /** Both Regions' health composite alarms. */
  readonly healthAlarmArns: readonly string[];
  /** This Region's failover topic (`--sns-topic-arn`) and the key that encrypts it. */
  readonly topicArn: pulumi.Input<string>;
  readonly topicKmsKeyArn: pulumi.Input<string>;
  readonly validation?: OperatorValidationArgs;
}

type Statement = Record<string, unknown>;

/**
 * The operator role's policy: exactly the calls `connect-dr failover`, `failback`, `validate` and `drill`
 * make (docs/iam.md lists them; tests/program/call-inventory.spec.ts proves each is allowed and that
 * nothing else is). Resource types follow the IAM Service Authorization Reference: List* Connect
 * actions take the wildcard ARN of their child type, the instance-level ones the instance ARN.
 */
export function operatorPolicyDocument(p: OperatorPolicyInputs): pulumi.Output<string> {
  const arn = (service: string, region: string, rest: string) => `arn:${p.partition}:${service}:${region}:${p.accountId}:${rest}`;
  const statements: Statement[] = [
    { Sid: "FailoverAndFailback", Effect: "Allow", Action: ["connect:GetTrafficDistribution", "connect:UpdateTrafficDistribution"], Resource: p.trafficDistributionGroupArn },
    // Without --group-arn the CLI finds the instance's default group; the reference scopes the list to the group type.
    { Sid: "FindDefaultGroup", Effect: "Allow", Action: "connect:ListTrafficDistributionGroups", Resource: p.pair.map((r) => arn("connect", r, "traffic-distribution-group/*")) },
    { Sid: "LockAndAudit", Effect: "Allow", Action: ["dynamodb:PutItem", "dynamodb:DeleteItem"], Resource: p.lockTableArn },
    // DynamoDB uses the caller's permissions on a customer managed table key.
    { Sid: "LockTableKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: p.lockTableKmsKeyArn },
    { Sid: "ReadRegionHealth", Effect: "Allow", Action: "cloudwatch:DescribeAlarms", Resource: [...p.healthAlarmArns] },
    { Sid: "Notify", Effect: "Allow", Action: "sns:Publish", Resource: p.topicArn },
    // Publishing to a KMS-encrypted topic needs the publisher's GenerateDataKey and Decrypt on its key.
    { Sid: "NotifyTopicKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: p.topicKmsKeyArn },
  ];
  const v = p.validation;
  if (v) {
    const instance = (region: string) => pulumi.interpolate`${arn("connect", region, "instance/")}${v.connectInstanceId}`;
    const within = (child: string) => p.pair.map((r) => pulumi.interpolate`${instance(r)}/${child}/*`);
    const functions = (names: readonly string[]) => p.pair.flatMap((r) => names.map((n) => arn("lambda", r, `function:${n}`)));
    statements.push(
      {
        Sid: "ValidateInstance",
        Effect: "Allow",
        Action: ["connect:DescribeInstance", "connect:ListFlowAssociations", "connect:ListLambdaFunctions", "connect:ListBots", "connect:ListUsers", "connect:ListRoutingProfiles"],
        Resource: p.pair.map(instance),
      },
      { Sid: "ValidateFlows", Effect: "Allow", Action: "connect:ListContactFlows", Resource: within("contact-flow") },
      { Sid: "ValidateQueues", Effect: "Allow", Action: ["connect:ListQueues", "connect:DescribeQueue"], Resource: within("queue") },
      { Sid: "ValidateRoutingProfiles", Effect: "Allow", Action: "connect:ListRoutingProfileQueues", Resource: within("routing-profile") },
      // Agent readiness (validate, with agents configured): the group's members, and each user's routing profile.
      { Sid: "ValidateAgentMembership", Effect: "Allow", Action: "connect:ListTrafficDistributionGroupUsers", Resource: p.trafficDistributionGroupArn },
      { Sid: "ValidateAgents", Effect: "Allow", Action: "connect:DescribeUser", Resource: within("agent") },
      { Sid: "ValidatePhoneNumbers", Effect: "Allow", Action: "connect:ListPhoneNumbersV2", Resource: p.pair.map((r) => arn("connect", r, "phone-number/*")) },
      { Sid: "SyntheticChat", Effect: "Allow", Action: "connect:StartChatContact", Resource: [...within("contact-flow"), ...within("contact")] },
      // GetMetricData takes no required resource type: the reference grants it on "*".
      { Sid: "ConnectMetrics", Effect: "Allow", Action: "cloudwatch:GetMetricData", Resource: "*" },
    );
    if (v.associatedFunctionNames?.length) statements.push({ Sid: "FunctionsExist", Effect: "Allow", Action: "lambda:GetFunction", Resource: functions(v.associatedFunctionNames) });
    if (v.healthCheckFunctionNames?.length) statements.push({ Sid: "FunctionHealthChecks", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: functions(v.healthCheckFunctionNames) });
  }
  // Route 53 health-check ids are known only after creation; no ids, no statement (an empty Resource is malformed).
  const sip = pulumi.output(v?.sipHealthCheckIds ?? []).apply((ids) =>
    ids.length ? [{ Sid: "SipHealthChecks", Effect: "Allow", Action: "route53:GetHealthCheckStatus", Resource: ids.map((id) => `arn:${p.partition}:route53:::healthcheck/${id}`) }] : [],
  );
  return pulumi.jsonStringify({ Version: "2012-10-17", Statement: pulumi.all([pulumi.output(statements), sip]).apply(([fixed, probes]) => [...fixed, ...probes]) });
}
