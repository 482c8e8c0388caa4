/**
 * Queues and their quick-connect associations. Mirrored by ACGR. AGENT queues exist per user and
 * cannot be created or deleted through the API; STANDARD queue names are unique per instance.
 */
import {
  type AssociateQueueQuickConnectsRequest,
  type CreateQueueRequest,
  type CreateQueueResponse,
  type DeleteQueueRequest,
  type DescribeQueueRequest,
  type DescribeQueueResponse,
  type DisassociateQueueQuickConnectsRequest,
  type ListQueueQuickConnectsRequest,
  type ListQueueQuickConnectsResponse,
  type ListQueuesRequest,
  type ListQueuesResponse,
  type OutboundCallerConfig,
  type UpdateQueueHoursOfOperationRequest,
  type UpdateQueueMaxContactsRequest,
  type UpdateQueueNameRequest,
  type UpdateQueueOutboundCallerConfigRequest,
  type UpdateQueueStatusRequest,
} from "@aws-sdk/client-connect";
import { instanceResourceArn } from "../arns";
import { invalidParameter, invalidRequest, notFound, ServiceError } from "../errors";
import { paginate } from "../pagination";
import type { InstanceRecord, QueueRecord } from "../state/model";
import { requireIntegerInRange } from "../validation";
import { op, type HandlerTable, type RequestContext } from "./context";
import { assertUniqueName, bareId, requireInstance, requireRecord, touch } from "./lookup";

/** The quick connects' ids (how many one request may name is the model's to check). */
function validateQuickConnectIds(instance: InstanceRecord, ids: readonly string[]): string[] {
  return ids.map((id) => requireRecord(instance.config.quickConnects, id, "Quick connect").id);
}

function validateOutboundCallerConfig(ctx: RequestContext, instance: InstanceRecord, config: OutboundCallerConfig): OutboundCallerConfig {
  if (config.OutboundFlowId !== undefined) requireRecord(instance.config.flows, config.OutboundFlowId, "Contact flow");
  if (config.OutboundCallerIdNumberId !== undefined && !ctx.regionState.phoneNumbers.has(bareId(config.OutboundCallerIdNumberId))) {
    throw notFound("Phone number", config.OutboundCallerIdNumberId);
  }
  return { ...config };
}

function queueArn(ctx: RequestContext, instance: InstanceRecord, id: string): string {
  return instanceResourceArn(ctx.region, ctx.account, instance.id, "queue", id);
}

/** A STANDARD queue that API calls may change (AGENT queues are managed by the service). */
function requireStandardQueue(instance: InstanceRecord, id: string): QueueRecord {
  const queue = requireRecord(instance.config.queues, id, "Queue");
  if (queue.queueType === "AGENT") throw invalidRequest(`Queue ${queue.id} is an AGENT queue and cannot be changed`);
  return queue;
}

/** Operation handlers of this family. */
export const queueHandlers: HandlerTable = {
  CreateQueue: op<CreateQueueRequest, CreateQueueResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const name = input.Name!;
    assertUniqueName(instance.config.queues, name, "Queue");
    const hours = requireRecord(instance.config.hours, input.HoursOfOperationId!, "Hours of operation");
    const quickConnectIds = input.QuickConnectIds ? validateQuickConnectIds(instance, input.QuickConnectIds) : [];
    const record: QueueRecord = {
      id: ctx.newId(),
      name,
      ...(input.Description !== undefined ? { description: input.Description } : {}),
      queueType: "STANDARD",
      hoursOfOperationId: hours.id,
      ...(input.MaxContacts !== undefined ? { maxContacts: requireIntegerInRange("MaxContacts", input.MaxContacts, 0, 10_000) } : {}),
      status: "ENABLED",
      ...(input.OutboundCallerConfig ? { outboundCallerConfig: validateOutboundCallerConfig(ctx, instance, input.OutboundCallerConfig) } : {}),
      quickConnectIds: [...new Set(quickConnectIds)],
      tags: { ...input.Tags },
      lastModifiedTime: ctx.now(),
      lastModifiedRegion: ctx.region,
    };
    instance.config.queues.set(record.id, record);
    return { QueueId: record.id, QueueArn: queueArn(ctx, instance, record.id) };
  }),

  DescribeQueue: op<DescribeQueueRequest, DescribeQueueResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const q = requireRecord(instance.config.queues, input.QueueId!, "Queue");
    return {
      Queue: {
        Name: q.name,
        QueueArn: queueArn(ctx, instance, q.id),
        QueueId: q.id,
        ...(q.description !== undefined ? { Description: q.description } : {}),
        ...(q.outboundCallerConfig ? { OutboundCallerConfig: { ...q.outboundCallerConfig } } : {}),
        HoursOfOperationId: q.hoursOfOperationId,
        ...(q.maxContacts !== undefined ? { MaxContacts: q.maxContacts } : {}),
        Status: q.status,
        Tags: { ...q.tags },
        LastModifiedTime: q.lastModifiedTime,
        LastModifiedRegion: q.lastModifiedRegion,
      },
    };
  }),

  ListQueues: op<ListQueuesRequest, ListQueuesResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const types = input.QueueTypes ?? [];
    const matching = [...instance.config.queues.values()].filter((q) => types.length === 0 || types.includes(q.queueType));
    const page = paginate(matching, input, "ListQueues", `${instance.id}|${types.join(",")}`);
    return {
      QueueSummaryList: page.items.map((q) => ({
        Id: q.id,
        Arn: queueArn(ctx, instance, q.id),
        // AGENT queues have no name in list responses, as on the service.
        ...(q.queueType === "STANDARD" ? { Name: q.name } : {}),
        QueueType: q.queueType,
        LastModifiedTime: q.lastModifiedTime,
        LastModifiedRegion: q.lastModifiedRegion,
      })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  UpdateQueueName: op<UpdateQueueNameRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const q = requireStandardQueue(instance, input.QueueId!);
    if (input.Name === undefined && input.Description === undefined) throw invalidParameter("At least one of Name and Description is required");
    if (input.Name !== undefined) {
      assertUniqueName(instance.config.queues, input.Name, "Queue", q.id);
      q.name = input.Name;
    }
    if (input.Description !== undefined) q.description = input.Description;
    touch(ctx, q);
    return {};
  }),

  UpdateQueueHoursOfOperation: op<UpdateQueueHoursOfOperationRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const q = requireStandardQueue(instance, input.QueueId!);
    q.hoursOfOperationId = requireRecord(instance.config.hours, input.HoursOfOperationId!, "Hours of operation").id;
    touch(ctx, q);
    return {};
  }),

  UpdateQueueMaxContacts: op<UpdateQueueMaxContactsRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const q = requireStandardQueue(instance, input.QueueId!);
    if (input.MaxContacts === undefined) delete q.maxContacts;
    else q.maxContacts = requireIntegerInRange("MaxContacts", input.MaxContacts, 0, 10_000);
    touch(ctx, q);
    return {};
  }),

  UpdateQueueOutboundCallerConfig: op<UpdateQueueOutboundCallerConfigRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const q = requireStandardQueue(instance, input.QueueId!);
    q.outboundCallerConfig = validateOutboundCallerConfig(ctx, instance, input.OutboundCallerConfig!);
    touch(ctx, q);
    return {};
  }),

  UpdateQueueStatus: op<UpdateQueueStatusRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const q = requireStandardQueue(instance, input.QueueId!);
    q.status = input.Status!;
    touch(ctx, q);
    return {};
  }),

  ListQueueQuickConnects: op<ListQueueQuickConnectsRequest, ListQueueQuickConnectsResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const q = requireRecord(instance.config.queues, input.QueueId!, "Queue");
    const quickConnects = q.quickConnectIds.map((id) => instance.config.quickConnects.get(id)).filter((qc) => qc !== undefined);
    const page = paginate(quickConnects, input, "ListQueueQuickConnects", `${instance.id}|${q.id}`);
    return {
      QuickConnectSummaryList: page.items.map((qc) => ({
        Id: qc.id,
        Arn: instanceResourceArn(ctx.region, ctx.account, instance.id, "quickConnect", qc.id),
        Name: qc.name,
        QuickConnectType: qc.config.QuickConnectType!,
        LastModifiedTime: qc.lastModifiedTime,
        LastModifiedRegion: qc.lastModifiedRegion,
      })),
      LastModifiedTime: q.lastModifiedTime,
      LastModifiedRegion: q.lastModifiedRegion,
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  AssociateQueueQuickConnects: op<AssociateQueueQuickConnectsRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const q = requireStandardQueue(instance, input.QueueId!);
    const ids = validateQuickConnectIds(instance, input.QuickConnectIds!);
    q.quickConnectIds = [...new Set([...q.quickConnectIds, ...ids])];
    touch(ctx, q);
    return {};
  }),

  DisassociateQueueQuickConnects: op<DisassociateQueueQuickConnectsRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const q = requireStandardQueue(instance, input.QueueId!);
    const ids = new Set(validateQuickConnectIds(instance, input.QuickConnectIds!));
    q.quickConnectIds = q.quickConnectIds.filter((id) => !ids.has(id));
    touch(ctx, q);
    return {};
  }),

  DeleteQueue: op<DeleteQueueRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const q = requireStandardQueue(instance, input.QueueId!);
    for (const profile of instance.config.routingProfiles.values()) {
      if (profile.defaultOutboundQueueId === q.id || profile.queueConfigs.some((c) => c.queueId === q.id)) {
        throw new ServiceError("ResourceInUseException", `Queue ${q.id} is used by routing profile ${profile.id}`);
      }
    }
    instance.config.queues.delete(q.id);
    return {};
  }),
};
