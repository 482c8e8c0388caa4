import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";

/**
 * A resource as the Pulumi engine would have registered it: what the program declared, which
 * provider (and so which account and Region) manages it, and its parent component.
 */
export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly inputs: Record<string, any>;
  /** State returned by the mock: inputs plus deterministic `id`/`arn`. */
  readonly state: Record<string, any>;
  /** Logical name of the explicit provider, undefined for the default provider. */
  readonly providerName?: string;
  /** Account and Region of that provider (from its `assumeRoles` role ARN and `region`). */
  readonly account?: string;
  readonly region?: string;
  readonly custom: boolean;
}

/** Known data-source tokens and what they return; anything else fails loudly. */
export type CallHandler = (args: pulumi.runtime.MockCallArgs) => Record<string, any>;

export interface MockCloudOptions {
  readonly project?: string;
  readonly stack?: string;
  /** Run as `pulumi preview` (unknowns stay unknown). @default false */
  readonly preview?: boolean;
  /** Project config as Pulumi passes it: `project:key` -> string (objects as JSON). */
  readonly config?: Record<string, string>;
  /** Outputs of other stacks, by fully qualified stack name, served to `pulumi.StackReference`. */
  readonly stackOutputs?: Record<string, Record<string, unknown>>;
  /**
   * Attributes the AWS provider would compute for a resource beyond those MockCloud knows (a Lex bot
   * version's number, a Cloud Control resource's identifier): extra state, and the id, when needed.
   */
  readonly computed?: (
    args: pulumi.runtime.MockResourceArgs,
    /** The account and Region of the resource's provider (the mock's defaults without one). */
    where: { readonly account: string; readonly region: string },
  ) => { readonly id?: string; readonly state?: Record<string, unknown> } | undefined;
  /** Extra data-source handlers by token. */
  readonly calls?: Record<string, CallHandler>;
}

const PROVIDER_TYPE_PREFIX = "pulumi:providers:";
const DEFAULT_ACCOUNT = "111111111111";

/** The AWS service namespace an ARN uses for a resource type token such as `aws:s3/bucket:Bucket`. */
function serviceOf(type: string): string {
  // @pulumi/aws files some services under another module: log groups and EventBridge live in `cloudwatch`.
  const byType: Record<string, string> = {
    "aws:cloudwatch/logGroup:LogGroup": "logs",
    "aws:cloudwatch/eventRule:EventRule": "events",
    "aws:cloudwatch/eventBus:EventBus": "events",
    "aws:cloudwatch/eventTarget:EventTarget": "events",
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": "firehose",
  };
  return byType[type] ?? type.split(":")[1]?.split("/")[0] ?? "unknown";
}

/**
 * Ids the AWS provider computes besides the resource id (a Connect queue's id is `queueId`; its
 * resource id is `instanceId:queueId`). Components wire children together through them, so the mock
 * must return them too.
 */
const COMPUTED_IDS: Readonly<Record<string, string>> = {
  "aws:connect/hoursOfOperation:HoursOfOperation": "hoursOfOperationId",
  "aws:connect/queue:Queue": "queueId",
  "aws:connect/routingProfile:RoutingProfile": "routingProfileId",
  "aws:connect/contactFlow:ContactFlow": "contactFlowId",
  "aws:kms/key:Key": "keyId",
  // The number ClaimPhoneNumber picked (the stack exports it).
  "pulumi-nodejs:dynamic/acgr:PhoneNumber": "phoneNumber",
};

/** A deterministic UUID for a logical name: ids the service mints (ACGR group ids) look like the real ones. */
function mockUuid(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A deterministic address in TEST-NET-3 (RFC 5737) for a logical name. */
function testNetAddress(seed: string): string {
  return `203.0.113.${(createHash("sha256").update(seed).digest()[0]! % 254) + 1}`;
}

/** `arn:<partition>:connect:<region>:<account>:instance/<id>`, split. */
function connectInstanceArn(arn: unknown): { partition: string; region: string; account: string; instanceId: string } | undefined {
  const m = typeof arn === "string" ? /^arn:(aws[a-z-]*):connect:([a-z0-9-]+):(\d{12}):instance\/([^/]+)$/.exec(arn) : null;
  return m ? { partition: m[1]!, region: m[2]!, account: m[3]!, instanceId: m[4]! } : undefined;
}

/**
 * What a provider returns beyond the inputs, for types whose outputs components use: the VPN
 * connection's tunnel addresses (AWS assigns them), ARNs in the formats AWS documents where other
 * resources parse or pass them on (a Connect instance, a Lambda alias), and what the ACGR dynamic
 * providers' `create` returns (their `outs`: the replica's ARN in its Region, the group's ARN in the
 * source Region, in the formats of the Connect API reference). Without them a mock output would resolve to `undefined` where
 * the real engine has a value, and a spec over the synthesized stack would read a gap that is not there.
 */
const PROVIDER_OUTPUTS: Readonly<
  Record<string, (args: pulumi.runtime.MockResourceArgs, where: { readonly region: string; readonly account: string }) => { id?: string; state: Record<string, unknown> } | undefined>
> = {
  "aws:ec2/vpnConnection:VpnConnection": (args) => ({ state: { tunnel1Address: testNetAddress(`${args.name}-1`), tunnel2Address: testNetAddress(`${args.name}-2`) } }),
  // Connect's instance ARN names the instance by its id (`...:instance/<id>`); the ACGR resources parse it.
  "aws:connect/instance:Instance": (args, where) => {
    const id = args.id || `${args.name}-id`;
    return { id, state: { arn: `arn:aws:connect:${where.region}:${where.account}:instance/${id}` } };
  },
  // A Lambda alias's ARN is its function's ARN qualified by the alias name (Lambda API reference, AliasArn).
  "aws:lambda/alias:Alias": (args, where) => ({ state: { arn: `arn:aws:lambda:${where.region}:${where.account}:function:${args.inputs.functionName}:${args.inputs.name}` } }),
  "pulumi-nodejs:dynamic/acgr:InstanceReplica": (args) => {
    const source = connectInstanceArn(args.inputs.sourceInstanceArn);
    if (!source) return undefined;
    const replicaArn = `arn:${source.partition}:connect:${args.inputs.replicaRegion}:${source.account}:instance/${source.instanceId}`;
    return { id: replicaArn, state: { replicaArn, instanceId: source.instanceId, status: "ACTIVE" } };
  },
  "pulumi-nodejs:dynamic/acgr:TrafficDistributionGroup": (args) => {
    const source = connectInstanceArn(args.inputs.instanceArn);
    if (!source) return undefined;
    const groupId = mockUuid(`traffic-distribution-group/${args.name}`);
    const arn = `arn:${source.partition}:connect:${source.region}:${source.account}:traffic-distribution-group/${groupId}`;
    return { id: arn, state: { arn, groupId, status: "ACTIVE", liveDistribution: args.inputs.distribution } };
  },
};

/** A deterministic hex id suffix for a logical name (`vpc-<17 hex>`, `subnet-<17 hex>`). */
function hexId(prefix: string, seed: string): string {
  return `${prefix}-${createHash("sha256").update(seed).digest("hex").slice(0, 17)}`;
}

/**
 * What awsx's multi-language components return. Under the mock runtime their children are not
 * constructed (the awsx plugin builds them in a real deployment), so the mock answers with the outputs
 * the plugin would: ids in AWS's formats, one subnet and route table per Availability Zone and subnet
 * type in awsx's order (per zone: public, private, isolated), NAT gateways per `natGateways.strategy`,
 * and the load balancer's ARN and DNS name. Child resources come back as plain objects holding the
 * properties consumers read (`id`, `arn`, `tags`), as a rehydrated resource's outputs would.
 */
const AWSX_OUTPUTS: Readonly<Record<string, (args: pulumi.runtime.MockResourceArgs, where: { readonly region: string; readonly account: string }) => { id?: string; state: Record<string, unknown> }>> = {
  "awsx:ec2:Vpc": (args, where) => {
    const region = args.inputs.region ?? where.region;
    const zones: string[] = args.inputs.availabilityZoneNames ?? [`${region}a`, `${region}b`, `${region}c`];
    const order = ["Public", "Private", "Isolated"];
    const types: string[] = (args.inputs.subnetSpecs ?? [{ type: "Public" }, { type: "Private" }])
      .map((spec: { type: string }) => spec.type)
      .filter((t: string) => t !== "Unused")
      .sort((a: string, b: string) => order.indexOf(a) - order.indexOf(b));
    const vpcId = hexId("vpc", `${region}/${args.name}`);
    const subnets = zones.flatMap((zone, z) =>
      types.map((type) => {
        const id = hexId("subnet", `${zone}/${args.name}-${type}`);
        return { id, arn: `arn:aws:ec2:${region}:${where.account}:subnet/${id}`, vpcId, availabilityZone: zone, tags: { ...args.inputs.tags, SubnetType: type } };
      }),
    );
    const routeTables = subnets.map((s) => ({ id: hexId("rtb", s.id), vpcId, tags: s.tags }));
    const strategy = args.inputs.natGateways?.strategy ?? "OnePerAz";
    const natCount = !types.includes("Public") || strategy === "None" ? 0 : strategy === "Single" ? 1 : zones.length;
    const publicSubnets = subnets.filter((s) => s.tags.SubnetType === "Public");
    const natGateways = Array.from({ length: natCount }, (_, i) => ({ id: hexId("nat", publicSubnets[i]!.id), subnetId: publicSubnets[i]!.id }));
    const ofType = (type: string) => subnets.filter((s) => s.tags.SubnetType === type);
    return {
      state: {
        vpcId,
        vpc: { id: vpcId, arn: `arn:aws:ec2:${region}:${where.account}:vpc/${vpcId}`, cidrBlock: args.inputs.cidrBlock },
        subnets,
        publicSubnets: ofType("Public"),
        privateSubnets: ofType("Private"),
        isolatedSubnets: ofType("Isolated"),
        publicSubnetIds: ofType("Public").map((s) => s.id),
        privateSubnetIds: ofType("Private").map((s) => s.id),
        isolatedSubnetIds: ofType("Isolated").map((s) => s.id),
        routeTables,
        natGateways,
        eips: natGateways.map((n) => ({ id: hexId("eipalloc", n.id) })),
        internetGateway: { id: hexId("igw", vpcId), vpcId },
        vpcEndpoints: [],
      },
    };
  },
  "awsx:lb:ApplicationLoadBalancer": (args, where) => {
    const region = args.inputs.region ?? where.region;
    const suffix = createHash("sha256").update(args.name).digest("hex").slice(0, 16);
    const lbName = String(args.inputs.name ?? args.name).slice(0, 32);
    const arn = `arn:aws:elasticloadbalancing:${region}:${where.account}:loadbalancer/app/${lbName}/${suffix}`;
    const targetGroupArn = `arn:aws:elasticloadbalancing:${region}:${where.account}:targetgroup/${lbName.slice(0, 26)}-tg/${suffix}`;
    const listeners = (args.inputs.listeners ?? (args.inputs.listener ? [args.inputs.listener] : [])).map((l: Record<string, unknown>, i: number) => ({
      ...l,
      arn: `arn:aws:elasticloadbalancing:${region}:${where.account}:listener/app/${lbName}/${suffix}/${suffix.slice(0, 8)}${i}`,
    }));
    return {
      state: {
        loadBalancer: {
          id: arn,
          arn,
          name: lbName,
          dnsName: `${lbName}-${parseInt(suffix.slice(0, 8), 16)}.${region}.elb.amazonaws.com`,
          // The canonical hosted zone of ALBs in the Region (Elastic Load Balancing endpoints table); a stand-in elsewhere.
          zoneId: ALB_ZONE_IDS[region] ?? "Z0000000000000000000",
        },
        defaultTargetGroup: { id: targetGroupArn, arn: targetGroupArn },
        listeners,
        vpcId: args.inputs.subnets?.[0]?.vpcId ?? hexId("vpc", `${args.name}-vpc`),
      },
    };
  },
};

/** Route 53 hosted zone ids of Application Load Balancers per Region (AWS General Reference, Elastic Load Balancing endpoints). */
const ALB_ZONE_IDS: Readonly<Record<string, string>> = {
  "us-east-1": "Z35SXDOTRQ7X7K",
  "us-east-2": "Z3AADJGX6KTTL2",
  "us-west-1": "Z368ELLRRE2KJ0",
  "us-west-2": "Z1H1FL5HABSF5",
  "eu-west-1": "Z32O12XQLNTSW2",
  "eu-west-2": "ZHURV8PSTC4K8",
  "eu-central-1": "Z215JYRZR1TBD5",
  "ap-southeast-2": "Z1GM3OXH4ZPM65",
  "ap-northeast-1": "Z14GRHDCWA56QT",
  "ca-central-1": "ZQSVJUPU6J1EY",
};

/** The computed id (see COMPUTED_IDS) the mock gives a resource with this logical name. */
export function computedId(logicalName: string): string {
  return `${logicalName}-computed-id`;
}

function accountOfRole(roleArn: unknown): string | undefined {
  return typeof roleArn === "string" ? /^arn:[^:]+:iam::(\d{12}):/.exec(roleArn)?.[1] : undefined;
}

/**
 * Offline stand-in for the Pulumi engine and AWS: Pulumi's own mock runtime with deterministic ids and
 * ARNs per account and Region, and data sources that throw on tokens nobody declared.
 */
export class MockCloud {
  readonly resources: RecordedResource[] = [];
  private readonly providers = new Map<string, { name: string; account?: string; region?: string }>();

  constructor(private readonly options: MockCloudOptions = {}) {}

  /** Installs the mocks (and config) into the Pulumi runtime; call before declaring resources. */
  install(): this {
    const project = this.options.project ?? "connect-dr";
    const stack = this.options.stack ?? "test";
    pulumi.runtime.setAllConfig(this.options.config ?? {}, []);
    pulumi.runtime.setMocks(
      {
        newResource: (args) => this.newResource(args),
        call: (args) => this.call(args),
      },
      project,
      stack,
      this.options.preview ?? false,
    );
    return this;
  }

  private newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, any> } {
    const urn = `urn:pulumi:${this.options.stack ?? "test"}::${this.options.project ?? "connect-dr"}::${args.type}::${args.name}`;
    const provider = args.provider ? this.providers.get(args.provider) : undefined;
    const region = provider?.region ?? args.inputs?.region ?? "us-east-1";
    const account = provider?.account ?? DEFAULT_ACCOUNT;
    const extra = this.options.computed?.(args, { account, region }) ?? PROVIDER_OUTPUTS[args.type]?.(args, { region, account }) ?? AWSX_OUTPUTS[args.type]?.(args, { region, account });
    const id = extra?.id ?? (args.id || `${args.name}-id`);
    if (args.type.startsWith(PROVIDER_TYPE_PREFIX)) {
      // Provider inputs arrive as the engine sees them: nested values JSON-encoded.
      const roles = typeof args.inputs?.assumeRoles === "string" ? JSON.parse(args.inputs.assumeRoles) : args.inputs?.assumeRoles;
      const roleArn = roles?.[0]?.roleArn;
      this.providers.set(`${urn}::${id}`, { name: args.name, account: accountOfRole(roleArn), region: args.inputs?.region });
    }
    if (args.type === "pulumi:pulumi:StackReference") {
      const outputs = this.options.stackOutputs?.[args.inputs.name];
      if (!outputs) throw new Error(`MockCloud: no outputs for stack reference '${args.inputs.name}'; declare them in MockCloudOptions.stackOutputs`);
      return { id: args.inputs.name, state: { name: args.inputs.name, outputs, secretOutputNames: [] } };
    }
    const arn = `arn:aws:${serviceOf(args.type)}:${region}:${account}:${args.name}`;
    const computed = COMPUTED_IDS[args.type];
    const state = {
      ...args.inputs,
      arn: args.inputs?.arn ?? arn,
      id,
      ...(args.inputs?.name ? {} : { name: args.name }),
      ...(computed ? { [computed]: computedId(args.name) } : {}),
      ...extra?.state,
    };
    this.resources.push({
      type: args.type,
      name: args.name,
      urn,
      inputs: args.inputs ?? {},
      state,
      providerName: provider?.name,
      account: provider?.account,
      // awsx components carry no provider reference (a remote component gets the provider map); the
      // components here pass their Region explicitly, which places awsx's children.
      region: provider?.region ?? (args.type.startsWith("awsx:") ? args.inputs?.region : undefined),
      custom: args.custom ?? true,
    });
    return { id, state };
  }

  private call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
    const handler = this.options.calls?.[args.token] ?? BUILTIN_CALLS[args.token];
    if (!handler) {
      const message = `MockCloud: no mock for data source '${args.token}'; declare it in MockCloudOptions.calls`;
      // The runtime reports `details` (the gRPC error field) to the program, not `message`.
      throw Object.assign(new Error(message), { details: message });
    }
    return handler(args);
  }

  /** What the program declared: every resource but the providers (components included). */
  declared(): RecordedResource[] {
    return this.resources.filter((r) => !r.type.startsWith("pulumi:providers:"));
  }

  /** Resources of one type token. */
  ofType(type: string): RecordedResource[] {
    return this.resources.filter((r) => r.type === type);
  }

  /** The one resource with this logical name; throws if absent or ambiguous. */
  named(name: string): RecordedResource {
    const found = this.resources.filter((r) => r.name === name);
    if (found.length !== 1) throw new Error(`expected one resource named '${name}', found ${found.length}`);
    return found[0];
  }
}

const BUILTIN_CALLS: Record<string, CallHandler> = {
  "aws:index/getCallerIdentity:getCallerIdentity": () => ({ accountId: DEFAULT_ACCOUNT, arn: `arn:aws:iam::${DEFAULT_ACCOUNT}:user/mock`, userId: "mock" }),
  "aws:index/getPartition:getPartition": () => ({ partition: "aws", dnsSuffix: "amazonaws.com" }),
  // Deterministic, and as long as asked: a stand-in for Secrets Manager's generator.
  "aws:secretsmanager/getRandomPassword:getRandomPassword": (args) => ({ randomPassword: "p".repeat(Number(args.inputs.passwordLength ?? 32)) }),
};

/** Resolves once every output reachable from `value` is known, returning its plain value. */
export function resolve<T>(value: pulumi.Input<T>): Promise<pulumi.Unwrap<T>> {
  return new Promise((ok) => pulumi.output(value).apply((v) => ok(v as pulumi.Unwrap<T>)));
}

/**
 * The names of the resources an output carries, sorted: what a resource taking it as an input
 * waits for (a composite alarm must not be created before the alarms it names).
 */
export async function resourcesBehind(value: pulumi.Output<unknown>): Promise<string[]> {
  // allResources is how the engine learns an input's dependencies; it is not on the public type.
  const resources = await (value as unknown as { allResources(): Promise<Set<pulumi.Resource>> }).allResources();
  const urns = await Promise.all([...resources].map((r) => resolve(r.urn)));
  return urns.map((urn) => urn.slice(urn.lastIndexOf("::") + 2)).sort();
}

/**
 * Waits until the mock engine has seen every resource registered so far (registrations are
 * asynchronous even under mocks).
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
}
