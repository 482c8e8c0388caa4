/**
 * Routing profiles and their queue associations. Mirrored by ACGR. A routing profile that users
 * still have is refused deletion with ResourceInUseException.
 */
import {
  type AgentAvailabilityTimer,
  type Channel,
  type AssociateRoutingProfileQueuesRequest,
  type CreateRoutingProfileRequest,
  type CreateRoutingProfileResponse,
  type DeleteRoutingProfileRequest,
  type DescribeRoutingProfileRequest,
  type DescribeRoutingProfileResponse,
  type DisassociateRoutingProfileQueuesRequest,
  type ListRoutingProfileQueuesRequest,
  type ListRoutingProfileQueuesResponse,
  type ListRoutingProfilesRequest,
  type ListRoutingProfilesResponse,
  type MediaConcurrency,
  type RoutingProfileQueueConfig,
  type UpdateRoutingProfileAgentAvailabilityTimerRequest,
  type UpdateRoutingProfileConcurrencyRequest,
  type UpdateRoutingProfileDefaultOutboundQueueRequest,
  type UpdateRoutingProfileNameRequest,
  type UpdateRoutingProfileQueuesRequest,
} from "@aws-sdk/client-connect";
import { instanceResourceArn } from "../arns";
import { invalidParameter, ServiceError } from "../errors";
import { paginate } from "../pagination";
import type { InstanceRecord, RoutingProfileQueueRecord, RoutingProfileRecord } from "../state/model";
import { requireIntegerInRange } from "../validation";
import { op, type HandlerTable, type RequestContext } from "./context";
import { assertUniqueName, requireInstance, requireRecord, touch } from "./lookup";

/** What the model cannot say of media concurrencies: at least one, each channel once, VOICE at 1. */
function validateConcurrencies(value: readonly MediaConcurrency[]): MediaConcurrency[] {
  if (value.length < 1) throw invalidParameter("MediaConcurrencies must list at least one channel");
  const seen = new Set<string>();
  return value.map((m, i) => {
    if (seen.has(m.Channel!)) throw invalidParameter(`MediaConcurrencies lists ${m.Channel} twice`);
    seen.add(m.Channel!);
    if (m.Channel === "VOICE") requireIntegerInRange(`MediaConcurrencies[${i}].Concurrency`, m.Concurrency, 1, 1);
    return { ...m };
  });
}

/** The queue configs, each naming an existing queue (their count, channels and ranges are the model's to check). */
function validateQueueConfigs(instance: InstanceRecord, value: readonly RoutingProfileQueueConfig[] | undefined): RoutingProfileQueueRecord[] {
  if (value === undefined) throw invalidParameter("QueueConfigs must list the queues (the simulator does not serve manual assignment)");
  return value.map((c) => ({
    queueId: requireRecord(instance.config.queues, c.QueueReference!.QueueId!, "Queue").id,
    channel: c.QueueReference!.Channel!,
    priority: c.Priority!,
    delay: c.Delay!,
  }));
}

function sameReference(a: { queueId: string; channel: string }, b: { queueId: string; channel: string }): boolean {
  return a.queueId === b.queueId && a.channel === b.channel;
}

function profileArn(ctx: RequestContext, instance: InstanceRecord, id: string): string {
  return instanceResourceArn(ctx.region, ctx.account, instance.id, "routingProfile", id);
}

function requireProfile(instance: InstanceRecord, id: string): RoutingProfileRecord {
  return requireRecord(instance.config.routingProfiles, id, "Routing profile");
}

/** Operation handlers of this family. */
export const routingProfileHandlers: HandlerTable = {
  CreateRoutingProfile: op<CreateRoutingProfileRequest, CreateRoutingProfileResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const name = input.Name!;
    assertUniqueName(instance.config.routingProfiles, name, "Routing profile");
    const record: RoutingProfileRecord = {
      id: ctx.newId(),
      name,
      description: input.Description!,
      defaultOutboundQueueId: requireRecord(instance.config.queues, input.DefaultOutboundQueueId!, "Queue").id,
      mediaConcurrencies: validateConcurrencies(input.MediaConcurrencies!),
      queueConfigs: input.QueueConfigs ? validateQueueConfigs(instance, input.QueueConfigs) : [],
      ...(input.AgentAvailabilityTimer !== undefined ? { agentAvailabilityTimer: input.AgentAvailabilityTimer } : {}),
      isDefault: false,
      tags: { ...input.Tags },
      lastModifiedTime: ctx.now(),
      lastModifiedRegion: ctx.region,
    };
    instance.config.routingProfiles.set(record.id, record);
    return { RoutingProfileId: record.id, RoutingProfileArn: profileArn(ctx, instance, record.id) };
  }),

  DescribeRoutingProfile: op<DescribeRoutingProfileRequest, DescribeRoutingProfileResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireProfile(instance, input.RoutingProfileId!);
    const queueIds = [...new Set(p.queueConfigs.map((c) => c.queueId))];
    const users = [...instance.config.users.values()].filter((u) => u.routingProfileId === p.id).length;
    return {
      RoutingProfile: {
        InstanceId: instance.id,
        Name: p.name,
        RoutingProfileArn: profileArn(ctx, instance, p.id),
        RoutingProfileId: p.id,
        ...(p.description !== undefined ? { Description: p.description } : {}),
        MediaConcurrencies: p.mediaConcurrencies.map((m) => ({ ...m })),
        DefaultOutboundQueueId: p.defaultOutboundQueueId,
        Tags: { ...p.tags },
        NumberOfAssociatedQueues: p.queueConfigs.length,
        NumberOfAssociatedUsers: users,
        ...(p.agentAvailabilityTimer !== undefined ? { AgentAvailabilityTimer: p.agentAvailabilityTimer as AgentAvailabilityTimer } : {}),
        LastModifiedTime: p.lastModifiedTime,
        LastModifiedRegion: p.lastModifiedRegion,
        IsDefault: p.isDefault,
        AssociatedQueueIds: queueIds,
      },
    };
  }),

  ListRoutingProfiles: op<ListRoutingProfilesRequest, ListRoutingProfilesResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const page = paginate([...instance.config.routingProfiles.values()], input, "ListRoutingProfiles", instance.id);
    return {
      RoutingProfileSummaryList: page.items.map((p) => ({ Id: p.id, Arn: profileArn(ctx, instance, p.id), Name: p.name, LastModifiedTime: p.lastModifiedTime, LastModifiedRegion: p.lastModifiedRegion })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  UpdateRoutingProfileName: op<UpdateRoutingProfileNameRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireProfile(instance, input.RoutingProfileId!);
    if (input.Name === undefined && input.Description === undefined) throw invalidParameter("At least one of Name and Description is required");
    if (input.Name !== undefined) {
      assertUniqueName(instance.config.routingProfiles, input.Name, "Routing profile", p.id);
      p.name = input.Name;
    }
    if (input.Description !== undefined) p.description = input.Description;
    touch(ctx, p);
    return {};
  }),

  UpdateRoutingProfileDefaultOutboundQueue: op<UpdateRoutingProfileDefaultOutboundQueueRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireProfile(instance, input.RoutingProfileId!);
    p.defaultOutboundQueueId = requireRecord(instance.config.queues, input.DefaultOutboundQueueId!, "Queue").id;
    touch(ctx, p);
    return {};
  }),

  UpdateRoutingProfileConcurrency: op<UpdateRoutingProfileConcurrencyRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireProfile(instance, input.RoutingProfileId!);
    p.mediaConcurrencies = validateConcurrencies(input.MediaConcurrencies!);
    touch(ctx, p);
    return {};
  }),

  UpdateRoutingProfileAgentAvailabilityTimer: op<UpdateRoutingProfileAgentAvailabilityTimerRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireProfile(instance, input.RoutingProfileId!);
    p.agentAvailabilityTimer = input.AgentAvailabilityTimer!;
    touch(ctx, p);
    return {};
  }),

  ListRoutingProfileQueues: op<ListRoutingProfileQueuesRequest, ListRoutingProfileQueuesResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireProfile(instance, input.RoutingProfileId!);
    const page = paginate(p.queueConfigs, input, "ListRoutingProfileQueues", `${instance.id}|${p.id}`);
    return {
      RoutingProfileQueueConfigSummaryList: page.items.map((c) => ({
        QueueId: c.queueId,
        QueueArn: instanceResourceArn(ctx.region, ctx.account, instance.id, "queue", c.queueId),
        QueueName: instance.config.queues.get(c.queueId)?.name ?? "",
        Priority: c.priority,
        Delay: c.delay,
        Channel: c.channel as Channel,
      })),
      LastModifiedTime: p.lastModifiedTime,
      LastModifiedRegion: p.lastModifiedRegion,
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  AssociateRoutingProfileQueues: op<AssociateRoutingProfileQueuesRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireProfile(instance, input.RoutingProfileId!);
    const configs = validateQueueConfigs(instance, input.QueueConfigs);
    for (const c of configs) {
      if (p.queueConfigs.some((existing) => sameReference(existing, c))) {
        throw invalidParameter(`Queue ${c.queueId} is already associated with routing profile ${p.id} for channel ${c.channel}`);
      }
    }
    p.queueConfigs.push(...configs);
    touch(ctx, p);
    return {};
  }),

  UpdateRoutingProfileQueues: op<UpdateRoutingProfileQueuesRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireProfile(instance, input.RoutingProfileId!);
    const configs = validateQueueConfigs(instance, input.QueueConfigs);
    const targets = configs.map((c) => {
      const existing = p.queueConfigs.find((e) => sameReference(e, c));
      if (!existing) throw invalidParameter(`Queue ${c.queueId} is not associated with routing profile ${p.id} for channel ${c.channel}`);
      return [existing, c] as const;
    });
    for (const [existing, c] of targets) {
      existing.priority = c.priority;
      existing.delay = c.delay;
    }
    touch(ctx, p);
    return {};
  }),

  DisassociateRoutingProfileQueues: op<DisassociateRoutingProfileQueuesRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireProfile(instance, input.RoutingProfileId!);
    const refs = (input.QueueReferences ?? []).map((r) => ({ queueId: requireRecord(instance.config.queues, r.QueueId!, "Queue").id, channel: r.Channel! }));
    if (refs.length === 0) throw invalidParameter("QueueReferences must list at least one queue");
    p.queueConfigs = p.queueConfigs.filter((c) => !refs.some((r) => sameReference(c, r)));
    touch(ctx, p);
    return {};
  }),

  DeleteRoutingProfile: op<DeleteRoutingProfileRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireProfile(instance, input.RoutingProfileId!);
    const user = [...instance.config.users.values()].find((u) => u.routingProfileId === p.id);
    if (user) throw new ServiceError("ResourceInUseException", `Routing profile ${p.id} is assigned to user ${user.id}`);
    instance.config.routingProfiles.delete(p.id);
    return {};
  }),
};
