/**
 * Users (agents). Mirrored by ACGR. The `Username` lives in the record's `name`, so name uniqueness
 * rules apply to usernames. CreateUser follows the instance's identity management type
 * (`user-identity.ts`: Password only and always for CONNECT_MANAGED, ...); every referenced
 * routing profile, security profile and hierarchy group must exist (ResourceNotFoundException). Each
 * user gets an AGENT queue, as on the service, which DeleteUser removes with it. Passwords are
 * checked and dropped: nothing in the API reads them back.
 */
import type {
  CreateUserRequest,
  CreateUserResponse,
  DeleteUserRequest,
  DescribeUserRequest,
  DescribeUserResponse,
  ListUsersRequest,
  ListUsersResponse,
  UpdateUserHierarchyRequest,
  UpdateUserIdentityInfoRequest,
  UpdateUserPhoneConfigRequest,
  UpdateUserRoutingProfileRequest,
  UpdateUserSecurityProfilesRequest,
  UserPhoneConfig,
} from "@aws-sdk/client-connect";
import { instanceResourceArn } from "../arns";
import { invalidInput } from "../errors";
import { paginate } from "../pagination";
import type { InstanceRecord, UserRecord } from "../state/model";
import { userIdentityProblem } from "../user-identity";
import { op, type HandlerTable, type RequestContext } from "./context";
import { assertUniqueName, requireInstance, requireRecord, touch } from "./lookup";

/** What a user gets when CreateUser names no PhoneConfig (the console's defaults). */
const DEFAULT_PHONE_CONFIG: UserPhoneConfig = { PhoneType: "SOFT_PHONE", AutoAccept: false, AfterContactWorkTimeLimit: 0 };

/** The name of a user's AGENT queue (the service names none; the simulator needs a unique key). */
export function agentQueueName(username: string): string {
  return `agent:${username}`;
}

/** Adds the AGENT queue every user has (direct transfers and agent quick connects route to it). */
export function addAgentQueue(instance: InstanceRecord, username: string, id: string, now: Date, region: string): void {
  const hoursId = instance.config.hours.keys().next().value;
  if (hoursId === undefined) return;
  instance.config.queues.set(id, {
    id, name: agentQueueName(username), queueType: "AGENT", hoursOfOperationId: hoursId, status: "ENABLED", quickConnectIds: [], tags: {}, lastModifiedTime: now, lastModifiedRegion: region,
  });
}

/** DESK_PHONE needs a number to ring (the model cannot say so). */
function checkPhoneConfig(ctx: RequestContext, config: UserPhoneConfig): UserPhoneConfig {
  if (config.PhoneType === "DESK_PHONE" && !config.DeskPhoneNumber) throw invalidInput(ctx.operation, "PhoneConfig.DeskPhoneNumber is required when PhoneConfig.PhoneType is DESK_PHONE");
  return { ...config };
}

function securityProfileIds(instance: InstanceRecord, ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => requireRecord(instance.config.securityProfiles, id, "Security profile").id))];
}

function userArn(ctx: RequestContext, instance: InstanceRecord, id: string): string {
  return instanceResourceArn(ctx.region, ctx.account, instance.id, "user", id);
}

function requireUser(instance: InstanceRecord, id: string): UserRecord {
  return requireRecord(instance.config.users, id, "User");
}

/** Operation handlers of this family. */
export const userHandlers: HandlerTable = {
  CreateUser: op<CreateUserRequest, CreateUserResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const username = input.Username!;
    const problem = userIdentityProblem(instance.identityManagementType, {
      username,
      ...(input.Password !== undefined ? { password: input.Password } : {}),
      ...(input.DirectoryUserId !== undefined ? { directoryUserId: input.DirectoryUserId } : {}),
      ...(input.IdentityInfo !== undefined ? { identityInfo: input.IdentityInfo } : {}),
    });
    if (problem) throw invalidInput(ctx.operation, problem);
    assertUniqueName(instance.config.users, username, "User");
    const routingProfile = requireRecord(instance.config.routingProfiles, input.RoutingProfileId!, "Routing profile");
    const profiles = securityProfileIds(instance, input.SecurityProfileIds!);
    const group = input.HierarchyGroupId !== undefined ? requireRecord(instance.config.hierarchyGroups, input.HierarchyGroupId, "Hierarchy group") : undefined;
    const channels = {
      ...(input.AutoAcceptConfigs ? { AutoAcceptConfigs: structuredClone(input.AutoAcceptConfigs) } : {}),
      ...(input.AfterContactWorkConfigs ? { AfterContactWorkConfigs: structuredClone(input.AfterContactWorkConfigs) } : {}),
      ...(input.PhoneNumberConfigs ? { PhoneNumberConfigs: structuredClone(input.PhoneNumberConfigs) } : {}),
      ...(input.PersistentConnectionConfigs ? { PersistentConnectionConfigs: structuredClone(input.PersistentConnectionConfigs) } : {}),
      ...(input.VoiceEnhancementConfigs ? { VoiceEnhancementConfigs: structuredClone(input.VoiceEnhancementConfigs) } : {}),
    };
    const record: UserRecord = {
      id: ctx.newId(),
      name: username,
      ...(input.IdentityInfo !== undefined ? { identityInfo: { ...input.IdentityInfo } } : {}),
      phoneConfig: checkPhoneConfig(ctx, input.PhoneConfig ?? DEFAULT_PHONE_CONFIG),
      ...(input.DirectoryUserId !== undefined ? { directoryUserId: input.DirectoryUserId } : {}),
      securityProfileIds: profiles,
      routingProfileId: routingProfile.id,
      ...(group ? { hierarchyGroupId: group.id } : {}),
      ...(Object.keys(channels).length > 0 ? { channelConfigs: channels } : {}),
      tags: { ...input.Tags },
      lastModifiedTime: ctx.now(),
      lastModifiedRegion: ctx.region,
    };
    instance.config.users.set(record.id, record);
    addAgentQueue(instance, username, ctx.newId(), ctx.now(), ctx.region);
    return { UserId: record.id, UserArn: userArn(ctx, instance, record.id) };
  }),

  ListUsers: op<ListUsersRequest, ListUsersResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const page = paginate([...instance.config.users.values()], input, "ListUsers", instance.id);
    return {
      UserSummaryList: page.items.map((u) => ({
        Id: u.id, Arn: userArn(ctx, instance, u.id), Username: u.name, LastModifiedTime: u.lastModifiedTime, LastModifiedRegion: u.lastModifiedRegion,
      })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  DescribeUser: op<DescribeUserRequest, DescribeUserResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const u = requireUser(instance, input.UserId!);
    return {
      User: {
        Id: u.id,
        Arn: userArn(ctx, instance, u.id),
        Username: u.name,
        ...(u.identityInfo ? { IdentityInfo: { ...u.identityInfo } } : {}),
        PhoneConfig: { ...u.phoneConfig },
        ...(u.directoryUserId !== undefined ? { DirectoryUserId: u.directoryUserId } : {}),
        SecurityProfileIds: [...u.securityProfileIds],
        RoutingProfileId: u.routingProfileId,
        ...(u.hierarchyGroupId !== undefined ? { HierarchyGroupId: u.hierarchyGroupId } : {}),
        Tags: { ...u.tags },
        ...(u.channelConfigs ? structuredClone(u.channelConfigs) : {}),
        LastModifiedTime: u.lastModifiedTime,
        LastModifiedRegion: u.lastModifiedRegion,
      },
    };
  }),

  UpdateUserIdentityInfo: op<UpdateUserIdentityInfoRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const u = requireUser(instance, input.UserId!);
    u.identityInfo = { ...input.IdentityInfo };
    touch(ctx, u);
    return {};
  }),

  UpdateUserPhoneConfig: op<UpdateUserPhoneConfigRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const u = requireUser(instance, input.UserId!);
    u.phoneConfig = checkPhoneConfig(ctx, input.PhoneConfig!);
    touch(ctx, u);
    return {};
  }),

  UpdateUserRoutingProfile: op<UpdateUserRoutingProfileRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const u = requireUser(instance, input.UserId!);
    u.routingProfileId = requireRecord(instance.config.routingProfiles, input.RoutingProfileId!, "Routing profile").id;
    touch(ctx, u);
    return {};
  }),

  UpdateUserSecurityProfiles: op<UpdateUserSecurityProfilesRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const u = requireUser(instance, input.UserId!);
    u.securityProfileIds = securityProfileIds(instance, input.SecurityProfileIds!);
    touch(ctx, u);
    return {};
  }),

  UpdateUserHierarchy: op<UpdateUserHierarchyRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const u = requireUser(instance, input.UserId!);
    // Without HierarchyGroupId the user leaves the hierarchy (the reference's way to remove it).
    if (input.HierarchyGroupId === undefined || input.HierarchyGroupId === "") delete u.hierarchyGroupId;
    else u.hierarchyGroupId = requireRecord(instance.config.hierarchyGroups, input.HierarchyGroupId, "Hierarchy group").id;
    touch(ctx, u);
    return {};
  }),

  DeleteUser: op<DeleteUserRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const u = requireUser(instance, input.UserId!);
    instance.config.users.delete(u.id);
    for (const [id, q] of instance.config.queues) if (q.queueType === "AGENT" && q.name === agentQueueName(u.name)) instance.config.queues.delete(id);
    return {};
  }),
};
