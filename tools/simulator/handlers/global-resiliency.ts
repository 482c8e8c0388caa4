/**
 * ACGR operations: ReplicateInstance and traffic distribution groups.
 *
 * ReplicateInstance creates the replica in the same account with the same instance id, shares the
 * mirrored configuration with it (so later changes in either Region appear in both), and creates
 * the default TDG in the source Region. Replica and default TDG stay CREATION_IN_PROGRESS for the
 * configured replication delay.
 */
import type {
  AssociateTrafficDistributionGroupUserRequest,
  CreateTrafficDistributionGroupRequest,
  CreateTrafficDistributionGroupResponse,
  DeleteTrafficDistributionGroupRequest,
  DescribeTrafficDistributionGroupRequest,
  DescribeTrafficDistributionGroupResponse,
  DisassociateTrafficDistributionGroupUserRequest,
  Distribution,
  GetTrafficDistributionRequest,
  GetTrafficDistributionResponse,
  ListTrafficDistributionGroupsRequest,
  ListTrafficDistributionGroupsResponse,
  ListTrafficDistributionGroupUsersRequest,
  ListTrafficDistributionGroupUsersResponse,
  ReplicateInstanceRequest,
  ReplicateInstanceResponse,
  SignInDistribution,
  TrafficDistributionGroupStatus,
  UpdateTrafficDistributionRequest,
} from "@aws-sdk/client-connect";
import { instanceArn, trafficDistributionGroupArn } from "../arns";
import { invalidParameter, invalidRequest, listedError, notFound, ServiceError } from "../errors";
import { isSupportedReplication, REPLICATION_TARGETS, regionsOfGroup, resolveTrafficDistributionGroup } from "../global-resiliency";
import { paginate } from "../pagination";
import type { DistributionRecord, InstanceRecord, SignInDistributionRecord, TrafficDistributionGroupRecord } from "../state/model";
import { op, type HandlerTable, type RequestContext } from "./context";
import { bareId, findInstance, isInstanceActive, requireInstance, requireRecord } from "./lookup";

function groupStatus(ctx: RequestContext, group: TrafficDistributionGroupRecord): TrafficDistributionGroupStatus {
  return ctx.now().getTime() >= group.readyAt ? "ACTIVE" : "CREATION_IN_PROGRESS";
}

/** `find()`, its ResourceNotFoundException answered as InvalidRequestException where the operation lists no ResourceNotFoundException (DeleteTrafficDistributionGroup). */
function listedNotFound<T>(ctx: RequestContext, find: () => T): T {
  try {
    return find();
  } catch (error) {
    if (error instanceof ServiceError && error.errorType === "ResourceNotFoundException") throw listedError(ctx.operation, ["ResourceNotFoundException", "InvalidRequestException"], error.message);
    throw error;
  }
}

function groupArn(group: TrafficDistributionGroupRecord): string {
  return trafficDistributionGroupArn(group.homeRegion, group.account, group.id);
}

/** Validates a percentage distribution: both Regions once each, 10% steps, summing to 100. */
function validatePercentages(member: string, value: unknown, regions: readonly string[]): DistributionRecord[] {
  const list = (value as { Distributions?: unknown } | undefined)?.Distributions;
  if (!Array.isArray(list)) throw invalidRequest(`${member}.Distributions is required`);
  const entries = list as Distribution[];
  const named = entries.map((d) => d?.Region);
  if (named.length !== regions.length || !regions.every((r) => named.includes(r))) {
    throw invalidRequest(`${member} must name each of ${regions.join(" and ")} exactly once, got ${JSON.stringify(named)}`);
  }
  let sum = 0;
  for (const d of entries) {
    const p = d.Percentage;
    if (typeof p !== "number" || !Number.isInteger(p) || p < 0 || p > 100 || p % 10 !== 0) {
      throw invalidRequest(`${member} percentages must be multiples of 10 between 0 and 100, got ${JSON.stringify(p)} for ${d.Region}`);
    }
    sum += p;
  }
  if (sum !== 100) throw invalidRequest(`${member} percentages must sum to 100, got ${sum}`);
  return entries.map((d) => ({ Region: d.Region!, Percentage: d.Percentage! }));
}

function validateSignIn(value: unknown, regions: readonly string[]): SignInDistributionRecord[] {
  const list = (value as { Distributions?: unknown } | undefined)?.Distributions;
  if (!Array.isArray(list)) throw invalidRequest("SignInConfig.Distributions is required");
  const entries = list as SignInDistribution[];
  const named = entries.map((d) => d?.Region);
  if (named.length !== regions.length || !regions.every((r) => named.includes(r))) {
    throw invalidRequest(`SignInConfig must name each of ${regions.join(" and ")} exactly once, got ${JSON.stringify(named)}`);
  }
  if (entries.some((d) => typeof d.Enabled !== "boolean")) throw invalidRequest("SignInConfig Enabled values must be booleans");
  if (!entries.some((d) => d.Enabled)) throw invalidRequest("SignInConfig must enable sign-in in at least one Region");
  return entries.map((d) => ({ Region: d.Region!, Enabled: d.Enabled! }));
}

/**
 * The group and user of an agent (dis)association: the group ACTIVE ("assigning an agent to a traffic
 * distribution group without an ACTIVE status results in ResourceNotFoundException"), called in the
 * group's own Region ("this API can be called only in the Region where the traffic distribution group
 * is created"), the user one of the group's instance.
 */
function groupMember(ctx: RequestContext, input: { TrafficDistributionGroupId?: string; UserId?: string; InstanceId?: string }): { group: TrafficDistributionGroupRecord; userId: string } {
  const group = resolveTrafficDistributionGroup(ctx.store, ctx.regionState, input.TrafficDistributionGroupId!);
  if (groupStatus(ctx, group) !== "ACTIVE") throw notFound("Traffic distribution group", input.TrafficDistributionGroupId!);
  if (group.homeRegion !== ctx.region) {
    throw invalidRequest(`Agents are associated with traffic distribution group ${group.id} only in the Region where it was created (${group.homeRegion})`);
  }
  const instance = requireInstance(ctx, input.InstanceId!);
  if (instance.id !== group.instanceId) throw notFound("Instance", input.InstanceId!);
  return { group, userId: requireRecord(instance.config.users, input.UserId!, "User").id };
}

/** Creates the replica record sharing the source's mirrored config. */
function createReplica(ctx: RequestContext, source: InstanceRecord, replicaRegion: string, alias: string, readyAt: number): InstanceRecord {
  const replica: InstanceRecord = {
    id: source.id,
    account: source.account,
    region: replicaRegion,
    alias,
    identityManagementType: source.identityManagementType,
    inboundCallsEnabled: source.inboundCallsEnabled,
    outboundCallsEnabled: source.outboundCallsEnabled,
    createdTime: ctx.now(),
    readyAt,
    tags: { ...source.tags },
    attributes: new Map(source.attributes),
    // Region-local integrations are NOT replicated: the platform must recreate them.
    storageConfigs: [],
    integrations: [],
    lambdaFunctions: [],
    lexBots: [],
    lexV2BotAliasArns: [],
    config: source.config,
    ...(source.replication ? { replication: source.replication } : {}),
  };
  ctx.store.region(source.account, replicaRegion).instances.set(replica.id, replica);
  return replica;
}

/** Operation handlers of this family. */
export const globalResiliencyHandlers: HandlerTable = {
  ReplicateInstance: op<ReplicateInstanceRequest, ReplicateInstanceResponse>((ctx, input) => {
    const source = findInstance(ctx, input.InstanceId!);
    const replicaRegion = input.ReplicaRegion!;
    if (!isSupportedReplication(ctx.region, replicaRegion)) {
      const allowed = REPLICATION_TARGETS[ctx.region];
      throw invalidRequest(`Replication from ${ctx.region} to ${replicaRegion} is not supported${allowed ? `; allowed: ${allowed.join(", ")}` : "; this Region has no replication pair"}`);
    }
    if (source.replication) {
      // The admin guide ("Why a ReplicateInstance call fails"): an instance already replicated by another
      // ReplicateInstance call is an InvalidRequestException (a repeated ClientToken is answered by idempotency first).
      throw invalidRequest(`Instance ${source.id} is already replicated between ${source.replication.sourceRegion} and ${source.replication.replicaRegion}`);
    }
    if (!isInstanceActive(ctx, source)) throw new ServiceError("ResourceNotReadyException", `Instance ${source.id} must be ACTIVE to be replicated`);
    if (source.alias === undefined) throw invalidRequest(`Instance ${source.id} must have an instance alias to be replicated`);
    if (source.identityManagementType !== "SAML") {
      throw invalidRequest(`Instance ${source.id} must use SAML identity management to be replicated, it uses ${source.identityManagementType}`);
    }
    const alias = input.ReplicaAlias!;
    for (const state of ctx.store.all()) {
      for (const other of state.instances.values()) if (other.alias === alias) throw new ServiceError("ResourceConflictException", `The alias ${alias} is already in use`);
    }
    const readyAt = ctx.now().getTime() + ctx.settings.replicationDelayMs;
    source.replication = { sourceRegion: ctx.region, replicaRegion, readyAt };
    createReplica(ctx, source, replicaRegion, alias, readyAt);
    const group: TrafficDistributionGroupRecord = {
      id: ctx.newId(),
      account: ctx.account,
      homeRegion: ctx.region,
      name: `${source.alias}-default`,
      instanceId: source.id,
      isDefault: true,
      readyAt,
      tags: {},
      telephony: [{ Region: ctx.region, Percentage: 100 }, { Region: replicaRegion, Percentage: 0 }],
      signIn: [{ Region: ctx.region, Enabled: true }, { Region: replicaRegion, Enabled: true }],
      agent: [{ Region: ctx.region, Percentage: 100 }, { Region: replicaRegion, Percentage: 0 }],
      userIds: [],
    };
    ctx.regionState.trafficDistributionGroups.set(group.id, group);
    return { Id: source.id, Arn: instanceArn(replicaRegion, ctx.account, source.id) };
  }),

  CreateTrafficDistributionGroup: op<CreateTrafficDistributionGroupRequest, CreateTrafficDistributionGroupResponse>((ctx, input) => {
    const name = input.Name!;
    const instance = findInstance(ctx, input.InstanceId!);
    const link = instance.replication;
    if (!link) throw invalidRequest(`Instance ${instance.id} is not replicated; a traffic distribution group needs a replicated instance`);
    if (ctx.now().getTime() < link.readyAt) throw new ServiceError("ResourceNotReadyException", `Replication of instance ${instance.id} is still in progress`);
    for (const g of ctx.regionState.trafficDistributionGroups.values()) {
      if (g.name === name) throw new ServiceError("ResourceConflictException", `A traffic distribution group named ${name} already exists`);
    }
    const other = link.sourceRegion === ctx.region ? link.replicaRegion : link.sourceRegion;
    const group: TrafficDistributionGroupRecord = {
      id: ctx.newId(),
      account: ctx.account,
      homeRegion: ctx.region,
      name,
      ...(input.Description !== undefined ? { description: input.Description } : {}),
      instanceId: instance.id,
      isDefault: false,
      readyAt: ctx.now().getTime(),
      tags: { ...input.Tags },
      telephony: [{ Region: ctx.region, Percentage: 100 }, { Region: other, Percentage: 0 }],
      signIn: [],
      agent: [],
      userIds: [],
    };
    ctx.regionState.trafficDistributionGroups.set(group.id, group);
    return { Id: group.id, Arn: groupArn(group) };
  }),

  DescribeTrafficDistributionGroup: op<DescribeTrafficDistributionGroupRequest, DescribeTrafficDistributionGroupResponse>((ctx, input) => {
    const g = resolveTrafficDistributionGroup(ctx.store, ctx.regionState, input.TrafficDistributionGroupId!);
    return {
      TrafficDistributionGroup: {
        Id: g.id,
        Arn: groupArn(g),
        Name: g.name,
        ...(g.description !== undefined ? { Description: g.description } : {}),
        InstanceArn: instanceArn(g.homeRegion, g.account, g.instanceId),
        Status: groupStatus(ctx, g),
        Tags: { ...g.tags },
        IsDefault: g.isDefault,
      },
    };
  }),

  ListTrafficDistributionGroups: op<ListTrafficDistributionGroupsRequest, ListTrafficDistributionGroupsResponse>((ctx, input) => {
    const instanceId = input.InstanceId !== undefined ? bareId(input.InstanceId) : undefined;
    const visible = ctx.store
      .regionsOf(ctx.account)
      .flatMap((state) => [...state.trafficDistributionGroups.values()])
      .filter((g) => regionsOfGroup(ctx.store, g).includes(ctx.region) && (instanceId === undefined || g.instanceId === instanceId));
    const page = paginate(visible, input, "ListTrafficDistributionGroups", instanceId ?? "");
    return {
      TrafficDistributionGroupSummaryList: page.items.map((g) => ({
        Id: g.id, Arn: groupArn(g), Name: g.name, InstanceArn: instanceArn(g.homeRegion, g.account, g.instanceId), Status: groupStatus(ctx, g), IsDefault: g.isDefault,
      })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  DeleteTrafficDistributionGroup: op<DeleteTrafficDistributionGroupRequest, Record<string, never>>((ctx, input) => {
    const g = listedNotFound(ctx, () => resolveTrafficDistributionGroup(ctx.store, ctx.regionState, input.TrafficDistributionGroupId!));
    if (g.isDefault) throw invalidRequest(`Traffic distribution group ${g.id} is the default group; it is deleted only with the replica`);
    for (const state of ctx.store.regionsOf(ctx.account)) {
      for (const n of state.phoneNumbers.values()) {
        if (n.targetArn === groupArn(g)) throw new ServiceError("ResourceInUseException", `Traffic distribution group ${g.id} still has phone number ${n.phoneNumber}`);
      }
    }
    ctx.store.region(g.account, g.homeRegion).trafficDistributionGroups.delete(g.id);
    return {};
  }),

  UpdateTrafficDistribution: op<UpdateTrafficDistributionRequest, Record<string, never>>((ctx, input) => {
    const g = resolveTrafficDistributionGroup(ctx.store, ctx.regionState, input.Id!);
    if (groupStatus(ctx, g) !== "ACTIVE") throw new ServiceError("ResourceConflictException", `Traffic distribution group ${g.id} is not ACTIVE`);
    if (!input.TelephonyConfig && !input.SignInConfig && !input.AgentConfig) {
      throw invalidRequest("At least one of TelephonyConfig, SignInConfig and AgentConfig is required");
    }
    if (!g.isDefault && (input.SignInConfig || input.AgentConfig)) {
      throw invalidRequest("SignInConfig and AgentConfig can be set only on the default traffic distribution group");
    }
    const regions = regionsOfGroup(ctx.store, g);
    // Validate all three before applying any, so a rejected call changes nothing.
    const telephony = input.TelephonyConfig ? validatePercentages("TelephonyConfig", input.TelephonyConfig, regions) : undefined;
    const signIn = input.SignInConfig ? validateSignIn(input.SignInConfig, regions) : undefined;
    const agent = input.AgentConfig ? validatePercentages("AgentConfig", input.AgentConfig, regions) : undefined;
    if (telephony) g.telephony = telephony;
    if (signIn) g.signIn = signIn;
    if (agent) g.agent = agent;
    return {};
  }),

  GetTrafficDistribution: op<GetTrafficDistributionRequest, GetTrafficDistributionResponse>((ctx, input) => {
    const g = resolveTrafficDistributionGroup(ctx.store, ctx.regionState, input.Id!);
    return {
      Id: g.id,
      Arn: groupArn(g),
      TelephonyConfig: { Distributions: g.telephony.map((d) => ({ ...d })) },
      ...(g.isDefault ? { SignInConfig: { Distributions: g.signIn.map((d) => ({ ...d })) }, AgentConfig: { Distributions: g.agent.map((d) => ({ ...d })) } } : {}),
    };
  }),

  AssociateTrafficDistributionGroupUser: op<AssociateTrafficDistributionGroupUserRequest, Record<string, never>>((ctx, input) => {
    const { group, userId } = groupMember(ctx, input);
    if (!group.userIds.includes(userId)) group.userIds.push(userId);
    return {};
  }),

  DisassociateTrafficDistributionGroupUser: op<DisassociateTrafficDistributionGroupUserRequest, Record<string, never>>((ctx, input) => {
    const { group, userId } = groupMember(ctx, input);
    if (!group.userIds.includes(userId)) throw notFound("Traffic distribution group user", input.UserId!);
    group.userIds = group.userIds.filter((id) => id !== userId);
    return {};
  }),

  ListTrafficDistributionGroupUsers: op<ListTrafficDistributionGroupUsersRequest, ListTrafficDistributionGroupUsersResponse>((ctx, input) => {
    const g = resolveTrafficDistributionGroup(ctx.store, ctx.regionState, input.TrafficDistributionGroupId!);
    // A deleted user is no longer a member.
    const users = ctx.store.region(g.account, g.homeRegion).instances.get(g.instanceId)?.config.users;
    const page = paginate(g.userIds.filter((id) => users?.has(id)), input, "ListTrafficDistributionGroupUsers", g.id);
    return { TrafficDistributionGroupUserSummaryList: page.items.map((UserId) => ({ UserId })), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }),
};
