import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../argument-error";
import { isRegionName } from "./aws-identifiers";
import { ATTRIBUTE_NAME_RULE, isAttributeName, isTableName, TABLE_NAME_RULE } from "./dynamodb-names";

const COMPONENT = "GlobalContactTable";

/** DynamoDB scalar types a key attribute can have: string, number, binary. */
export type KeyAttributeType = "S" | "N" | "B";
const KEY_ATTRIBUTE_TYPES: readonly KeyAttributeType[] = ["S", "N", "B"];

/** DynamoDB capacity modes. */
export type TableBillingMode = "PAY_PER_REQUEST" | "PROVISIONED";
const BILLING_MODES: readonly TableBillingMode[] = ["PAY_PER_REQUEST", "PROVISIONED"];

export interface GlobalContactTableArgs {
  /**
   * Region of the table itself, its key and its alarms; the main provider (from `opts`) supplies the
   * account and should be for this Region. Passed to each of those resources as their `region`, so
   * they are created here whatever the provider's default.
   */
  readonly region: string;
  /**
   * One provider per replica Region (same account as the table: global table replicas never leave
   * it), keyed by Region; each creates that Region's CMK. At least one; never the table's own Region.
   */
  readonly replicaProviders: Readonly<Record<string, aws.Provider>>;
  /**
   * Table name, the same in every Region.
   * @default a name Pulumi derives from the component name
   */
  readonly tableName?: string;
  /**
   * Partition key attribute.
   * @default "contactId" (the Amazon Connect contact id)
   */
  readonly hashKey?: string;
  /** Type of `hashKey`. @default "S" */
  readonly hashKeyType?: KeyAttributeType;
  /**
   * Sort key attribute.
   * @default none: a contact id identifies one record
   */
  readonly rangeKey?: string;
  /** Type of `rangeKey`; only with `rangeKey`. @default "S" */
  readonly rangeKeyType?: KeyAttributeType;
  /**
   * Attribute holding each item's expiry (epoch seconds) for DynamoDB TTL; not a key attribute.
   * @default "expiresAt"
   */
  readonly ttlAttributeName?: string;
  /**
   * Capacity mode. With PROVISIONED, `readCapacity` and `writeCapacity` are required and apply in
   * every Region (global tables need equal write capacity everywhere).
   * @default "PAY_PER_REQUEST"
   */
  readonly billingMode?: TableBillingMode;
  /** Read capacity units; only and always with PROVISIONED. */
  readonly readCapacity?: number;
  /** Write capacity units; only and always with PROVISIONED. */
  readonly writeCapacity?: number;
  /**
   * Alarm when average `ReplicationLatency` to a replica Region stays above this many milliseconds
   * for five consecutive minutes.
   * @default 60000
   */
  readonly replicationLatencyThresholdMilliseconds?: number;
  /**
   * Actions (SNS topic ARNs in the table's Region) notified when an alarm fires and when it clears.
   * @default none: the alarms only change state
   */
  readonly alarmActions?: pulumi.Input<string>[];
}

/** The checked, defaulted form of the args. */
interface Settings {
  readonly region: string;
  readonly replicaRegions: string[];
  readonly hashKey: string;
  readonly hashKeyType: KeyAttributeType;
  readonly range?: { readonly name: string; readonly type: KeyAttributeType };
  readonly ttlAttributeName: string;
  readonly capacity: { billingMode: "PAY_PER_REQUEST" } | { billingMode: "PROVISIONED"; readCapacity: number; writeCapacity: number };
  readonly latencyThresholdMilliseconds: number;
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1;
}

/** Validates the args and applies defaults; throws `ArgumentError` on the first problem. */
function settingsOf(args: GlobalContactTableArgs): Settings {
  const fail = (argument: string, value: unknown, allowed: string): never => {
    throw new ArgumentError(COMPONENT, argument, value, allowed);
  };
  if (!args) fail("args", args, "pass the component's arguments");
  if (!isRegionName(args.region)) fail("region", args.region, "expected an AWS Region name such as us-east-1");

  const providers = args.replicaProviders;
  if (typeof providers !== "object" || providers === null || Array.isArray(providers)) {
    fail("replicaProviders", providers, "expected a record of aws.Provider keyed by replica Region");
  }
  const replicaRegions = Object.keys(providers).sort();
  if (replicaRegions.length === 0) fail("replicaProviders", providers, "expected at least one replica Region: a global table needs two Regions");
  for (const replicaRegion of replicaRegions) {
    if (!isRegionName(replicaRegion)) fail("replicaProviders", replicaRegion, "expected keys that are AWS Region names such as us-west-2");
    if (replicaRegion === args.region) fail("replicaProviders", replicaRegion, `a replica Region must differ from the table's Region ${args.region}`);
    if (!aws.Provider.isInstance(providers[replicaRegion])) {
      fail(`replicaProviders.${replicaRegion}`, "(not an aws.Provider)", "expected the aws.Provider of the table's account in that Region");
    }
  }

  const hashKey = args.hashKey ?? "contactId";
  if (!isAttributeName(hashKey)) fail("hashKey", hashKey, ATTRIBUTE_NAME_RULE);
  const hashKeyType = args.hashKeyType ?? "S";
  if (!KEY_ATTRIBUTE_TYPES.includes(hashKeyType)) fail("hashKeyType", hashKeyType, `expected one of ${KEY_ATTRIBUTE_TYPES.join(", ")}`);

  let range: Settings["range"];
  if (args.rangeKey !== undefined) {
    if (!isAttributeName(args.rangeKey)) fail("rangeKey", args.rangeKey, ATTRIBUTE_NAME_RULE);
    if (args.rangeKey === hashKey) fail("rangeKey", args.rangeKey, "must differ from hashKey");
    const type = args.rangeKeyType ?? "S";
    if (!KEY_ATTRIBUTE_TYPES.includes(type)) fail("rangeKeyType", type, `expected one of ${KEY_ATTRIBUTE_TYPES.join(", ")}`);
    range = { name: args.rangeKey, type };
  } else if (args.rangeKeyType !== undefined) {
    fail("rangeKeyType", args.rangeKeyType, "allowed only with rangeKey");
  }

  const ttlAttributeName = args.ttlAttributeName ?? "expiresAt";
  if (!isAttributeName(ttlAttributeName)) fail("ttlAttributeName", ttlAttributeName, ATTRIBUTE_NAME_RULE);
  // Expiring items by a key attribute would delete records on their identity; refuse the mix-up.
  if (ttlAttributeName === hashKey || ttlAttributeName === range?.name) {
    fail("ttlAttributeName", ttlAttributeName, "must differ from the key attributes");
  }

  if (args.tableName !== undefined && !isTableName(args.tableName)) fail("tableName", args.tableName, TABLE_NAME_RULE);

  const billingMode = args.billingMode ?? "PAY_PER_REQUEST";
  if (!BILLING_MODES.includes(billingMode)) fail("billingMode", billingMode, `expected one of ${BILLING_MODES.join(", ")}`);
  let capacity: Settings["capacity"];
  if (billingMode === "PROVISIONED") {
    if (!isPositiveInteger(args.readCapacity)) fail("readCapacity", args.readCapacity, "expected a whole number of capacity units, at least 1, with PROVISIONED");
    if (!isPositiveInteger(args.writeCapacity)) fail("writeCapacity", args.writeCapacity, "expected a whole number of capacity units, at least 1, with PROVISIONED");
    capacity = { billingMode, readCapacity: args.readCapacity as number, writeCapacity: args.writeCapacity as number };
  } else {
    // On-demand tables ignore capacities; a value here is a misunderstanding worth surfacing.
    if (args.readCapacity !== undefined) fail("readCapacity", args.readCapacity, "allowed only with billingMode PROVISIONED");
    if (args.writeCapacity !== undefined) fail("writeCapacity", args.writeCapacity, "allowed only with billingMode PROVISIONED");
    capacity = { billingMode: "PAY_PER_REQUEST" };
  }

  const latencyThresholdMilliseconds = args.replicationLatencyThresholdMilliseconds ?? 60_000;
  if (typeof latencyThresholdMilliseconds !== "number" || !Number.isFinite(latencyThresholdMilliseconds) || latencyThresholdMilliseconds <= 0) {
    fail("replicationLatencyThresholdMilliseconds", latencyThresholdMilliseconds, "expected a number of milliseconds greater than 0");
  }

  return { region: args.region, replicaRegions, hashKey, hashKeyType, range, ttlAttributeName, capacity, latencyThresholdMilliseconds };
}

/**
 * The contact-data DynamoDB global table: one table in `region` with a replica in each Region of
 * `replicaProviders`, every copy encrypted with a customer-managed key of its own Region (rotating,
 * 30-day deletion window), with point-in-time recovery and deletion protection, streams of new and old
 * images (global tables replicate through them) and TTL. A `ReplicationLatency` alarm per replica
 * Region watches the table's Region's outbound replication.
 */
export class GlobalContactTable extends pulumi.ComponentResource {
  /** Table name, the same in every Region. */
  public readonly tableName: pulumi.Output<string>;
  /** ARN of the table in its own Region (replica ARNs differ only in the Region). */
  public readonly tableArn: pulumi.Output<string>;
  /** Stream of the table in its own Region (new and old images). */
  public readonly streamArn: pulumi.Output<string>;
  /** Key ARN per Region, the table's own Region included. */
  public readonly keyArns: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: GlobalContactTableArgs, opts?: pulumi.ComponentResourceOptions) {
    const settings = settingsOf(args);
    super("connect-dr:data:GlobalContactTable", name, {}, opts);

    const keyFor = (region: string, provider?: aws.Provider): aws.kms.Key =>
      new aws.kms.Key(
        `${name}-key-${region}`,
        {
          description: `Encrypts the ${name} contact table in ${region}`,
          enableKeyRotation: true,
          deletionWindowInDays: 30,
          region,
        },
        { parent: this, ...(provider ? { provider } : {}) },
      );
    const tableKey = keyFor(settings.region);
    const replicaKeys = Object.fromEntries(
      settings.replicaRegions.map((region) => [region, keyFor(region, args.replicaProviders[region])] as const),
    );

    const attributes = [{ name: settings.hashKey, type: settings.hashKeyType }];
    if (settings.range) attributes.push({ name: settings.range.name, type: settings.range.type });

    const table = new aws.dynamodb.Table(
      `${name}-table`,
      {
        ...(args.tableName !== undefined ? { name: args.tableName } : {}),
        region: settings.region,
        ...settings.capacity,
        hashKey: settings.hashKey,
        ...(settings.range ? { rangeKey: settings.range.name } : {}),
        attributes,
        streamEnabled: true,
        streamViewType: "NEW_AND_OLD_IMAGES",
        ttl: { attributeName: settings.ttlAttributeName, enabled: true },
        serverSideEncryption: { enabled: true, kmsKeyArn: tableKey.arn },
        pointInTimeRecovery: { enabled: true },
        deletionProtectionEnabled: true,
        replicas: settings.replicaRegions.map((region) => ({
          regionName: region,
          kmsKeyArn: replicaKeys[region].arn,
          pointInTimeRecovery: true,
          deletionProtectionEnabled: true,
          propagateTags: true,
        })),
      },
      { parent: this },
    );

    // DynamoDB publishes ReplicationLatency in the sending Region, one series per receiving Region.
    const actions = args.alarmActions ?? [];
    for (const replicaRegion of settings.replicaRegions) {
      new aws.cloudwatch.MetricAlarm(
        `${name}-replication-latency-${replicaRegion}`,
        {
          region: settings.region,
          alarmDescription: `Replication of ${name} from ${settings.region} to ${replicaRegion} is slower than ${settings.latencyThresholdMilliseconds} ms`,
          namespace: "AWS/DynamoDB",
          metricName: "ReplicationLatency",
          dimensions: { TableName: table.name, ReceivingRegion: replicaRegion },
          statistic: "Average",
          period: 60,
          evaluationPeriods: 5,
          datapointsToAlarm: 5,
          comparisonOperator: "GreaterThanThreshold",
          threshold: settings.latencyThresholdMilliseconds,
          // No writes means no data points, not a replication problem.
          treatMissingData: "notBreaching",
          alarmActions: actions,
          okActions: actions,
        },
        { parent: this },
      );
    }

    this.tableName = table.name;
    this.tableArn = table.arn;
    this.streamArn = table.streamArn;
    this.keyArns = pulumi.all({ [settings.region]: tableKey.arn, ...Object.fromEntries(Object.entries(replicaKeys).map(([r, k]) => [r, k.arn])) });
    this.registerOutputs({ tableName: this.tableName, tableArn: this.tableArn, streamArn: this.streamArn, keyArns: this.keyArns });
  }
}
