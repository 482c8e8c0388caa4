import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../../../components/argument-error";
import { LambdaAutoScaling, type LambdaAutoScalingArgs, lambdaAlarmName } from "../../../components/integrations/lambda-auto-scaling";
import { MockCloud, resolve, resourcesBehind, settle } from "../../../tools/synthesis/mock-cloud";

const ACCOUNT = "222233334444";
const provider = (region: string) => new aws.Provider(`workload-${region}`, { region, assumeRoles: [{ roleArn: `arn:aws:iam::${ACCOUNT}:role/ConnectDrDeployer` }] });
const TOPIC = `arn:aws:sns:us-west-2:${ACCOUNT}:ops`;

function args(overrides: Partial<LambdaAutoScalingArgs> = {}): LambdaAutoScalingArgs {
  return {
    region: "us-west-2",
    functions: {
      "crm-lookup": { version: "7" },
      "callback-scheduler": { version: "3", minProvisionedConcurrency: 2, maxProvisionedConcurrency: 20 },
    },
    maxProvisionedConcurrency: 50,
    alarmActions: [TOPIC],
    tags: { project: "connect-dr" },
    ...overrides,
  };
}


describe("LambdaAutoScaling", () => {
  describe("two Connect-facing functions in us-west-2", () => {
    let cloud: MockCloud;
    let scaling: LambdaAutoScaling;

    beforeEach(async () => {
      cloud = new MockCloud().install();
      scaling = new LambdaAutoScaling("connect-fns", args(), { provider: provider("us-west-2") });
      await settle();
    });

    it("declares an alias, scalable target, target-tracking policy and two alarms per function, named by function", () => {
      expect(cloud.declared().map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal([
        "aws:appautoscaling/policy:Policy connect-fns-policy-callback-scheduler",
        "aws:appautoscaling/policy:Policy connect-fns-policy-crm-lookup",
        "aws:appautoscaling/target:Target connect-fns-target-callback-scheduler",
        "aws:appautoscaling/target:Target connect-fns-target-crm-lookup",
        "aws:cloudwatch/metricAlarm:MetricAlarm connect-fns-errors-callback-scheduler",
        "aws:cloudwatch/metricAlarm:MetricAlarm connect-fns-errors-crm-lookup",
        "aws:cloudwatch/metricAlarm:MetricAlarm connect-fns-throttles-callback-scheduler",
        "aws:cloudwatch/metricAlarm:MetricAlarm connect-fns-throttles-crm-lookup",
        "aws:lambda/alias:Alias connect-fns-alias-callback-scheduler",
        "aws:lambda/alias:Alias connect-fns-alias-crm-lookup",
        "connect-dr:compute:LambdaAutoScaling connect-fns",
      ]);
      for (const r of cloud.declared().filter((r) => r.custom)) {
        expect({ providerName: r.providerName, account: r.account, region: r.region }, r.name).to.deep.equal({ providerName: "workload-us-west-2", account: ACCOUNT, region: "us-west-2" });
      }
    });

    it("points a 'live' alias at the published version", () => {
      expect(cloud.named("connect-fns-alias-crm-lookup").inputs).to.deep.include({ name: "live", functionName: "crm-lookup", functionVersion: "7" });
      expect(cloud.named("connect-fns-alias-callback-scheduler").inputs).to.deep.include({ name: "live", functionName: "callback-scheduler", functionVersion: "3" });
    });

    it("registers the alias' provisioned concurrency with the default floor and per-function overrides", () => {
      expect(cloud.named("connect-fns-target-crm-lookup").inputs).to.deep.equal({
        serviceNamespace: "lambda",
        scalableDimension: "lambda:function:ProvisionedConcurrency",
        resourceId: "function:crm-lookup:live",
        minCapacity: 1,
        maxCapacity: 50,
        tags: { project: "connect-dr" },
      });
      expect(cloud.named("connect-fns-target-callback-scheduler").inputs).to.include({ resourceId: "function:callback-scheduler:live", minCapacity: 2, maxCapacity: 20 });
    });

    it("tracks LambdaProvisionedConcurrencyUtilization at 0.7", () => {
      expect(cloud.named("connect-fns-policy-crm-lookup").inputs).to.deep.equal({
        name: "crm-lookup-live-provisioned-concurrency",
        policyType: "TargetTrackingScaling",
        serviceNamespace: "lambda",
        scalableDimension: "lambda:function:ProvisionedConcurrency",
        resourceId: "function:crm-lookup:live",
        targetTrackingScalingPolicyConfiguration: {
          targetValue: 0.7,
          predefinedMetricSpecification: { predefinedMetricType: "LambdaProvisionedConcurrencyUtilization" },
          scaleInCooldown: 300,
          scaleOutCooldown: 60,
        },
      });
    });

    it("alarms on any throttle and on 5 errors a minute, 3 of 5 minutes, to the topic", () => {
      expect(cloud.named("connect-fns-throttles-crm-lookup").inputs).to.deep.equal({
        name: "connect-dr-lambda-crm-lookup-throttles-us-west-2",
        alarmDescription: "crm-lookup in us-west-2 is throttled: Connect flows calling it take their error branch",
        namespace: "AWS/Lambda",
        metricName: "Throttles",
        dimensions: { FunctionName: "crm-lookup" },
        statistic: "Sum",
        period: 60,
        evaluationPeriods: 5,
        datapointsToAlarm: 3,
        threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        treatMissingData: "notBreaching",
        alarmActions: [TOPIC],
        okActions: [TOPIC],
        // CONTRACTS.md B: a quality signal of the Region's health composite alarm.
        tags: { project: "connect-dr", "connect-dr:failover-signal": "quality" },
      });
      expect(cloud.named("connect-fns-errors-callback-scheduler").inputs).to.deep.include({
        name: "connect-dr-lambda-callback-scheduler-errors-us-west-2",
        metricName: "Errors",
        dimensions: { FunctionName: "callback-scheduler" },
        threshold: 5,
      });
    });

    it("outputs alias ARNs and every alarm name", async () => {
      expect(await resolve(scaling.aliasArns)).to.deep.equal({
        // The alias ARN as Lambda gives it: the function's ARN qualified by the alias name.
        "callback-scheduler": `arn:aws:lambda:us-west-2:${ACCOUNT}:function:callback-scheduler:live`,
        "crm-lookup": `arn:aws:lambda:us-west-2:${ACCOUNT}:function:crm-lookup:live`,
      });
      expect(await resolve(scaling.alarmNames)).to.deep.equal([
        "connect-dr-lambda-callback-scheduler-throttles-us-west-2",
        "connect-dr-lambda-callback-scheduler-errors-us-west-2",
        "connect-dr-lambda-crm-lookup-throttles-us-west-2",
        "connect-dr-lambda-crm-lookup-errors-us-west-2",
      ]);
      // Through the alarms' outputs: a composite alarm naming them is created after them.
      expect(await resourcesBehind(scaling.alarmNames)).to.deep.equal([
        "connect-fns-errors-callback-scheduler",
        "connect-fns-errors-crm-lookup",
        "connect-fns-throttles-callback-scheduler",
        "connect-fns-throttles-crm-lookup",
      ]);
      expect((await resolve(scaling.alarmArns))["crm-lookup"]).to.deep.equal({
        throttles: `arn:aws:cloudwatch:us-west-2:${ACCOUNT}:connect-fns-throttles-crm-lookup`,
        errors: `arn:aws:cloudwatch:us-west-2:${ACCOUNT}:connect-fns-errors-crm-lookup`,
      });
    });
  });

  it("takes a custom alias, target, cooldowns, thresholds and prefix", async () => {
    const cloud = new MockCloud().install();
    new LambdaAutoScaling(
      "c",
      args({ functions: { ivr: { version: "12" } }, aliasName: "prod", targetUtilization: 0.5, scaleInCooldownSeconds: 600, scaleOutCooldownSeconds: 0, throttlesThreshold: 10, errorsThreshold: 20, alarmNamePrefix: "cc", alarmActions: undefined }),
      { provider: provider("us-west-2") },
    );
    await settle();
    expect(cloud.named("c-target-ivr").inputs.resourceId).to.equal("function:ivr:prod");
    expect(cloud.named("c-policy-ivr").inputs.targetTrackingScalingPolicyConfiguration).to.deep.include({ targetValue: 0.5, scaleInCooldown: 600, scaleOutCooldown: 0 });
    expect(cloud.named("c-throttles-ivr").inputs).to.deep.include({ name: "cc-lambda-ivr-throttles-us-west-2", threshold: 10, alarmActions: [] });
    expect(cloud.named("c-errors-ivr").inputs).to.deep.include({ threshold: 20 });
  });

  it("names alarms by a pure function", () => {
    expect(lambdaAlarmName("connect-dr", "crm-lookup", "Errors", "eu-west-2")).to.equal("connect-dr-lambda-crm-lookup-errors-eu-west-2");
  });

  describe("validation", () => {
    type Case = [string, LambdaAutoScalingArgs, string, unknown, string];
    const cases: Case[] = [
      ["a Region that is not a code", args({ region: "oregon" }), "region", "oregon", "an AWS Region code"],
      ["no functions", args({ functions: {} }), "functions", {}, "at least one function"],
      ["a function ARN instead of a name", args({ functions: { "arn:aws:lambda:us-west-2:1:function:x": { version: "1" } } }), "functions", "arn:aws:lambda:us-west-2:1:function:x", "not ARNs"],
      ["$LATEST", args({ functions: { x: { version: "$LATEST" } } }), "functions.x.version", "$LATEST", "a published version number"],
      ["a numeric alias", args({ aliasName: "1" }), "aliasName", "1", "not only digits"],
      ["a target of 95%", args({ targetUtilization: 0.95 }), "targetUtilization", 0.95, "from 0.1 to 0.9"],
      ["a maximum under the minimum", args({ minProvisionedConcurrency: 10, maxProvisionedConcurrency: 5 }), "maxProvisionedConcurrency", 5, "an integer from 10 to 10000"],
      ["a per-function maximum under its minimum", args({ functions: { x: { version: "1", minProvisionedConcurrency: 8, maxProvisionedConcurrency: 4 } } }), "functions.x.maxProvisionedConcurrency", 4, "an integer from 8 to 10000"],
      ["a fractional minimum", args({ minProvisionedConcurrency: 1.5 }), "minProvisionedConcurrency", 1.5, "an integer from 0"],
      ["a zero throttle threshold", args({ throttlesThreshold: 0 }), "throttlesThreshold", 0, "an integer from 1"],
      ["an alarm action in another Region", args({ alarmActions: ["arn:aws:sns:us-east-1:222233334444:ops"] }), "alarmActions", "arn:aws:sns:us-east-1:222233334444:ops", "SNS topic ARNs in us-west-2"],
    ];
    for (const [title, a, argument, value, allowed] of cases) {
      it(`rejects ${title} before creating any child`, async () => {
        const cloud = new MockCloud().install();
        let error: unknown;
        try {
          new LambdaAutoScaling("bad", a);
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(ArgumentError);
        const err = error as ArgumentError;
        expect({ component: err.component, argument: err.argument, value: err.value }).to.deep.equal({ component: "LambdaAutoScaling", argument, value });
        expect(err.message).to.contain(allowed);
        await settle();
        expect(cloud.declared().filter((r) => r.type !== "connect-dr:compute:LambdaAutoScaling")).to.deep.equal([]);
      });
    }
  });
});
