/**
 * Quick connects. Mirrored by ACGR. The configuration must match its type (USER needs
 * `UserConfig`, QUEUE `QueueConfig`, PHONE_NUMBER `PhoneConfig`, FLOW `FlowConfig`) and every id
 * it names must exist in the instance.
 */
import {
  type CreateQuickConnectRequest,
  type CreateQuickConnectResponse,
  type DeleteQuickConnectRequest,
  type DescribeQuickConnectRequest,
  type DescribeQuickConnectResponse,
  type ListQuickConnectsRequest,
  type ListQuickConnectsResponse,
  type QuickConnectConfig,
  type UpdateQuickConnectConfigRequest,
  type UpdateQuickConnectNameRequest,
} from "@aws-sdk/client-connect";
import { instanceResourceArn } from "../arns";
import { invalidParameter } from "../errors";
import { paginate } from "../pagination";
import type { InstanceRecord, QuickConnectRecord } from "../state/model";
import { op, type HandlerTable, type RequestContext } from "./context";
import { assertUniqueName, requireInstance, requireRecord, touch } from "./lookup";

/** The configuration its type needs, naming existing resources (types, ids and E.164 numbers are the model's to check). */
function validateConfig(instance: InstanceRecord, c: QuickConnectConfig): QuickConnectConfig {
  const type = c.QuickConnectType!;
  const flow = (id: unknown) => requireRecord(instance.config.flows, String(id), "Contact flow").id;
  switch (type) {
    case "USER":
      if (!c.UserConfig) throw invalidParameter("QuickConnectConfig.UserConfig is required for type USER");
      return { QuickConnectType: type, UserConfig: { UserId: requireRecord(instance.config.users, String(c.UserConfig.UserId), "User").id, ContactFlowId: flow(c.UserConfig.ContactFlowId) } };
    case "QUEUE":
      if (!c.QueueConfig) throw invalidParameter("QuickConnectConfig.QueueConfig is required for type QUEUE");
      return { QuickConnectType: type, QueueConfig: { QueueId: requireRecord(instance.config.queues, String(c.QueueConfig.QueueId), "Queue").id, ContactFlowId: flow(c.QueueConfig.ContactFlowId) } };
    case "PHONE_NUMBER":
      if (!c.PhoneConfig) throw invalidParameter("QuickConnectConfig.PhoneConfig is required for type PHONE_NUMBER");
      return { QuickConnectType: type, PhoneConfig: { PhoneNumber: c.PhoneConfig.PhoneNumber! } };
    case "FLOW":
      if (!c.FlowConfig) throw invalidParameter("QuickConnectConfig.FlowConfig is required for type FLOW");
      return { QuickConnectType: type, FlowConfig: { ContactFlowId: flow(c.FlowConfig.ContactFlowId) } };
  }
}

function arnOf(ctx: RequestContext, instance: InstanceRecord, id: string): string {
  return instanceResourceArn(ctx.region, ctx.account, instance.id, "quickConnect", id);
}

function requireQuickConnect(instance: InstanceRecord, id: string): QuickConnectRecord {
  return requireRecord(instance.config.quickConnects, id, "Quick connect");
}

/** Operation handlers of this family. */
export const quickConnectHandlers: HandlerTable = {
  CreateQuickConnect: op<CreateQuickConnectRequest, CreateQuickConnectResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const name = input.Name!;
    assertUniqueName(instance.config.quickConnects, name, "Quick connect");
    const record: QuickConnectRecord = {
      id: ctx.newId(),
      name,
      ...(input.Description !== undefined ? { description: input.Description } : {}),
      config: validateConfig(instance, input.QuickConnectConfig!),
      tags: { ...input.Tags },
      lastModifiedTime: ctx.now(),
      lastModifiedRegion: ctx.region,
    };
    instance.config.quickConnects.set(record.id, record);
    return { QuickConnectId: record.id, QuickConnectARN: arnOf(ctx, instance, record.id) };
  }),

  DescribeQuickConnect: op<DescribeQuickConnectRequest, DescribeQuickConnectResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const q = requireQuickConnect(instance, input.QuickConnectId!);
    return {
      QuickConnect: {
        QuickConnectARN: arnOf(ctx, instance, q.id),
        QuickConnectId: q.id,
        Name: q.name,
        ...(q.description !== undefined ? { Description: q.description } : {}),
        QuickConnectConfig: structuredClone(q.config),
        Tags: { ...q.tags },
        LastModifiedTime: q.lastModifiedTime,
        LastModifiedRegion: q.lastModifiedRegion,
      },
    };
  }),

  ListQuickConnects: op<ListQuickConnectsRequest, ListQuickConnectsResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const types = input.QuickConnectTypes ?? [];
    const matching = [...instance.config.quickConnects.values()].filter((q) => types.length === 0 || types.includes(q.config.QuickConnectType!));
    const page = paginate(matching, input, "ListQuickConnects", `${instance.id}|${types.join(",")}`);
    return {
      QuickConnectSummaryList: page.items.map((q) => ({
        Id: q.id, Arn: arnOf(ctx, instance, q.id), Name: q.name, QuickConnectType: q.config.QuickConnectType!, LastModifiedTime: q.lastModifiedTime, LastModifiedRegion: q.lastModifiedRegion,
      })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  UpdateQuickConnectConfig: op<UpdateQuickConnectConfigRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const q = requireQuickConnect(instance, input.QuickConnectId!);
    q.config = validateConfig(instance, input.QuickConnectConfig!);
    touch(ctx, q);
    return {};
  }),

  UpdateQuickConnectName: op<UpdateQuickConnectNameRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const q = requireQuickConnect(instance, input.QuickConnectId!);
    if (input.Name === undefined && input.Description === undefined) throw invalidParameter("At least one of Name and Description is required");
    if (input.Name !== undefined) {
      assertUniqueName(instance.config.quickConnects, input.Name, "Quick connect", q.id);
      q.name = input.Name;
    }
    if (input.Description !== undefined) q.description = input.Description;
    touch(ctx, q);
    return {};
  }),

  DeleteQuickConnect: op<DeleteQuickConnectRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const q = requireQuickConnect(instance, input.QuickConnectId!);
    instance.config.quickConnects.delete(q.id);
    // Deleting a quick connect removes it from every queue, as the service does.
    for (const queue of instance.config.queues.values()) queue.quickConnectIds = queue.quickConnectIds.filter((id) => id !== q.id);
    return {};
  }),
};
