import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../argument-error";
import { failoverSignalTags, MISSING_DATA_BY_SIGNAL } from "../resiliency/failover-signal";

const COMPONENT = "LambdaAutoScaling";
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
/** A Lambda function name: the same in both Regions, because flows build the ARN with `$.AwsRegion`. */
const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
/** Alias names: not a number (that would read as a version), at most 128 characters. */
const ALIAS_NAME = /^(?!^[0-9]+$)[a-zA-Z0-9-_]{1,128}$/;
const VERSION = /^[0-9]+$/;
const PREFIX = /^[a-zA-Z0-9._-]{1,64}$/;
/** Application Auto Scaling's dimension for a Lambda alias' provisioned concurrency. */
export const LAMBDA_PROVISIONED_CONCURRENCY_DIMENSION = "lambda:function:ProvisionedConcurrency";

/** One Connect-facing function. */
export interface LambdaAutoScalingFunctionArgs {
  /** Published version the alias points at (provisioned concurrency cannot apply to $LATEST). */
  readonly version: pulumi.Input<string>;
  /** Overrides `minProvisionedConcurrency` for this function. @default the component's value */
  readonly minProvisionedConcurrency?: number;
  /** Overrides `maxProvisionedConcurrency` for this function. @default the component's value */
  readonly maxProvisionedConcurrency?: number;
}

export interface LambdaAutoScalingArgs {
  /** Region of the component's provider (alarm names and validation). The component runs once per Region. */
  readonly region: string;
  /** Functions by name; the names must be the same in both Regions. */
  readonly functions: Readonly<Record<string, LambdaAutoScalingFunctionArgs>>;
  /** Alias flows invoke (`...:function:<name>:<alias>`). @default "live" */
  readonly aliasName?: string;
  /** Provisioned concurrency floor per alias. @default 1 */
  readonly minProvisionedConcurrency?: number;
  /** Provisioned concurrency ceiling per alias. */
  readonly maxProvisionedConcurrency: number;
  /** Target of LambdaProvisionedConcurrencyUtilization, 0.1-0.9. @default 0.7 */
  readonly targetUtilization?: number;
  /** Seconds before scaling in again. @default 300 */
  readonly scaleInCooldownSeconds?: number;
  /** Seconds before scaling out again. @default 60 */
  readonly scaleOutCooldownSeconds?: number;
  /** Throttles (sum per minute) that breach, in 3 of 5 minutes. @default 1 */
  readonly throttlesThreshold?: number;
  /** Errors (sum per minute) that breach, in 3 of 5 minutes. @default 5 */
  readonly errorsThreshold?: number;
  /** Alarm names are `<prefix>-lambda-<function>-<metric>-<region>`. @default "connect-dr" */
  readonly alarmNamePrefix?: string;
  /** SNS topic ARNs (this Region) for ALARM and OK. @default none */
  readonly alarmActions?: readonly pulumi.Input<string>[];
  /** Tags for the scalable targets and alarms. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The name of the alarm on `metric` of `functionName` in `region`. Pure, so composite alarms can name it. */
export function lambdaAlarmName(prefix: string, functionName: string, metric: "Throttles" | "Errors", region: string): string {
  return `${prefix}-lambda-${functionName}-${metric.toLowerCase()}-${region}`;
}

/**
 * Warm capacity for the Lambda functions Amazon Connect flows call, in one Region: an alias per
 * function with provisioned concurrency that Application Auto Scaling keeps at the target utilization
 * (LambdaProvisionedConcurrencyUtilization), and alarms on Throttles and Errors per function.
 *
 * ACGR does not replicate Lambda: deploy the functions with the same names in both Regions and this
 * component in each, so that flows invoking `arn:aws:lambda:$.AwsRegion:...:function:<name>:<alias>`
 * find a warm alias wherever the contact lands.
 */
export class LambdaAutoScaling extends pulumi.ComponentResource {
  /** Alias ARN by function name. */
  public readonly aliasArns: pulumi.Output<Record<string, string>>;
  /** Every alarm name (Throttles and Errors per function), for the Region's composite health alarm. */
  public readonly alarmNames: pulumi.Output<string[]>;
  /** Alarm ARNs by function name and metric. */
  public readonly alarmArns: pulumi.Output<Record<string, { throttles: string; errors: string }>>;

  constructor(name: string, args: LambdaAutoScalingArgs, opts?: pulumi.ComponentResourceOptions) {
    super("connect-dr:compute:LambdaAutoScaling", name, {}, opts);
    const s = validate(args);
    const tags = args.tags ?? {};
    const parent = { parent: this };
    const actions = [...(args.alarmActions ?? [])];
    const aliasArns: Record<string, pulumi.Output<string>> = {};
    const alarmArns: Record<string, { throttles: pulumi.Output<string>; errors: pulumi.Output<string> }> = {};
    const alarmNames: pulumi.Output<string>[] = [];

    for (const functionName of Object.keys(args.functions).sort()) {
      const fn = args.functions[functionName];
      const alias = new aws.lambda.Alias(
        `${name}-alias-${functionName}`,
        { name: s.aliasName, functionName, functionVersion: fn.version, description: `Amazon Connect entry point of ${functionName}, provisioned concurrency under auto scaling` },
        parent,
      );
      // The resource id names the alias through its outputs, so the target waits for the alias.
      const resourceId = pulumi.interpolate`function:${alias.functionName}:${alias.name}`;
      const target = new aws.appautoscaling.Target(
        `${name}-target-${functionName}`,
        {
          serviceNamespace: "lambda",
          scalableDimension: LAMBDA_PROVISIONED_CONCURRENCY_DIMENSION,
          resourceId,
          minCapacity: fn.minProvisionedConcurrency ?? s.min,
          maxCapacity: fn.maxProvisionedConcurrency ?? args.maxProvisionedConcurrency,
          tags,
        },
        parent,
      );
      new aws.appautoscaling.Policy(
        `${name}-policy-${functionName}`,
        {
          name: `${functionName}-${s.aliasName}-provisioned-concurrency`,
          policyType: "TargetTrackingScaling",
          serviceNamespace: target.serviceNamespace,
          scalableDimension: target.scalableDimension,
          resourceId: target.resourceId,
          targetTrackingScalingPolicyConfiguration: {
            targetValue: s.targetUtilization,
            predefinedMetricSpecification: { predefinedMetricType: "LambdaProvisionedConcurrencyUtilization" },
            scaleInCooldown: s.scaleInCooldownSeconds,
            scaleOutCooldown: s.scaleOutCooldownSeconds,
          },
        },
        parent,
      );
      const alarm = (metric: "Throttles" | "Errors", threshold: number, description: string) => {
        const alarmName = lambdaAlarmName(s.prefix, functionName, metric, args.region);
        const metricAlarm = new aws.cloudwatch.MetricAlarm(
          `${name}-${metric.toLowerCase()}-${functionName}`,
          {
            name: alarmName,
            alarmDescription: description,
            namespace: "AWS/Lambda",
            metricName: metric,
            dimensions: { FunctionName: functionName },
            statistic: "Sum",
            period: 60,
            evaluationPeriods: 5,
            datapointsToAlarm: 3,
            threshold,
            comparisonOperator: "GreaterThanOrEqualToThreshold",
            // A quality signal (it feeds the Region's health composite alarm): no invocations means nothing failed.
            treatMissingData: MISSING_DATA_BY_SIGNAL.quality,
            alarmActions: actions,
            okActions: actions,
            tags: { ...tags, ...failoverSignalTags("quality") },
          },
          parent,
        );
        // Through the alarm's output, so a composite alarm naming it is created after it.
        alarmNames.push(metricAlarm.name);
        return metricAlarm;
      };
      const throttles = alarm("Throttles", s.throttlesThreshold, `${functionName} in ${args.region} is throttled: Connect flows calling it take their error branch`);
      const errors = alarm("Errors", s.errorsThreshold, `${functionName} in ${args.region} returns errors`);
      aliasArns[functionName] = alias.arn;
      alarmArns[functionName] = { throttles: throttles.arn, errors: errors.arn };
    }

    this.aliasArns = pulumi.output(aliasArns);
    this.alarmNames = pulumi.all(alarmNames);
    this.alarmArns = pulumi.output(alarmArns);
    this.registerOutputs({ aliasArns: this.aliasArns, alarmNames: this.alarmNames, alarmArns: this.alarmArns });
  }
}

interface Settings {
  readonly aliasName: string;
  readonly min: number;
  readonly targetUtilization: number;
  readonly scaleInCooldownSeconds: number;
  readonly scaleOutCooldownSeconds: number;
  readonly throttlesThreshold: number;
  readonly errorsThreshold: number;
  readonly prefix: string;
}

function fail(argument: string, value: unknown, allowed: string): never {
  throw new ArgumentError(COMPONENT, argument, value, allowed);
}

function requireInteger(argument: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) fail(argument, value, `allowed: an integer from ${min} to ${max}`);
}

function validate(args: LambdaAutoScalingArgs): Settings {
  if (typeof args.region !== "string" || !REGION.test(args.region)) fail("region", args.region, "allowed: an AWS Region code");
  const aliasName = args.aliasName ?? "live";
  if (!ALIAS_NAME.test(aliasName)) fail("aliasName", aliasName, "allowed: letters, digits, - and _ (not only digits), at most 128 characters");
  const prefix = args.alarmNamePrefix ?? "connect-dr";
  if (!PREFIX.test(prefix)) fail("alarmNamePrefix", prefix, "allowed: letters, digits, '.', '-' and '_', at most 64 characters");
  const min = args.minProvisionedConcurrency ?? 1;
  requireInteger("minProvisionedConcurrency", min, 0, 10000);
  requireInteger("maxProvisionedConcurrency", args.maxProvisionedConcurrency, Math.max(min, 1), 10000);
  const targetUtilization = args.targetUtilization ?? 0.7;
  if (typeof targetUtilization !== "number" || !(targetUtilization >= 0.1 && targetUtilization <= 0.9)) {
    fail("targetUtilization", targetUtilization, "allowed: a fraction from 0.1 to 0.9 (LambdaProvisionedConcurrencyUtilization)");
  }
  const scaleInCooldownSeconds = args.scaleInCooldownSeconds ?? 300;
  requireInteger("scaleInCooldownSeconds", scaleInCooldownSeconds, 0, 3600);
  const scaleOutCooldownSeconds = args.scaleOutCooldownSeconds ?? 60;
  requireInteger("scaleOutCooldownSeconds", scaleOutCooldownSeconds, 0, 3600);
  const throttlesThreshold = args.throttlesThreshold ?? 1;
  requireInteger("throttlesThreshold", throttlesThreshold, 1, 1_000_000);
  const errorsThreshold = args.errorsThreshold ?? 5;
  requireInteger("errorsThreshold", errorsThreshold, 1, 1_000_000);
  const names = Object.keys(args.functions ?? {});
  if (names.length === 0) fail("functions", args.functions ?? null, "allowed: at least one function, keyed by its name");
  for (const functionName of names) {
    if (!FUNCTION_NAME.test(functionName)) fail("functions", functionName, "allowed: function names (letters, digits, - and _, at most 64), not ARNs: the same names serve both Regions");
    const fn = args.functions[functionName];
    if (typeof fn.version === "string" && !VERSION.test(fn.version)) {
      fail(`functions.${functionName}.version`, fn.version, "allowed: a published version number ($LATEST cannot have provisioned concurrency)");
    }
    const fnMin = fn.minProvisionedConcurrency ?? min;
    requireInteger(`functions.${functionName}.minProvisionedConcurrency`, fnMin, 0, 10000);
    requireInteger(`functions.${functionName}.maxProvisionedConcurrency`, fn.maxProvisionedConcurrency ?? args.maxProvisionedConcurrency, Math.max(fnMin, 1), 10000);
  }
  for (const action of args.alarmActions ?? []) {
    if (typeof action === "string" && !action.startsWith(`arn:aws:sns:${args.region}:`)) {
      fail("alarmActions", action, `allowed: SNS topic ARNs in ${args.region} (alarm actions must be in the alarm's Region)`);
    }
  }
  return { aliasName, min, targetUtilization, scaleInCooldownSeconds, scaleOutCooldownSeconds, throttlesThreshold, errorsThreshold, prefix };
}
