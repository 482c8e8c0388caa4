/**
 * Agent statuses: the built-in Available (ROUTABLE) and Offline (OFFLINE), and CUSTOM ones created
 * or seeded. Mirrored by ACGR.
 */
import {
  type CreateAgentStatusRequest,
  type CreateAgentStatusResponse,
  type UpdateAgentStatusRequest,
  type DescribeAgentStatusRequest,
  type DescribeAgentStatusResponse,
  type ListAgentStatusRequest,
  type ListAgentStatusResponse,
} from "@aws-sdk/client-connect";
import { instanceResourceArn } from "../arns";
import { invalidParameter } from "../errors";
import { paginate } from "../pagination";
import type { AgentStatusRecord } from "../state/model";
import { op, type HandlerTable } from "./context";
import { assertUniqueName, requireInstance, requireRecord, touch } from "./lookup";

/** Operation handlers of this family. */
export const agentStatusHandlers: HandlerTable = {
  CreateAgentStatus: op<CreateAgentStatusRequest, CreateAgentStatusResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const name = input.Name!;
    assertUniqueName(instance.config.agentStatuses, name, "Agent status");
    const record: AgentStatusRecord = {
      id: ctx.newId(),
      name,
      type: "CUSTOM",
      state: input.State!,
      ...(input.Description !== undefined ? { description: input.Description } : {}),
      ...(input.DisplayOrder !== undefined ? { displayOrder: input.DisplayOrder } : {}),
      tags: { ...input.Tags },
      lastModifiedTime: ctx.now(),
      lastModifiedRegion: ctx.region,
    };
    instance.config.agentStatuses.set(record.id, record);
    return { AgentStatusId: record.id, AgentStatusARN: instanceResourceArn(ctx.region, ctx.account, instance.id, "agentStatus", record.id) };
  }),

  UpdateAgentStatus: op<UpdateAgentStatusRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const s = requireRecord(instance.config.agentStatuses, input.AgentStatusId!, "Agent status");
    if (input.Name !== undefined) {
      const name = input.Name;
      // Available and Offline are the system's: they keep their names.
      if (s.type !== "CUSTOM" && name !== s.name) throw invalidParameter(`The name of the ${s.type} agent status '${s.name}' cannot be changed`);
      assertUniqueName(instance.config.agentStatuses, name, "Agent status", s.id);
      s.name = name;
    }
    // An empty Description clears it (restore sends "" for a status without one).
    if (input.Description !== undefined) {
      if (input.Description === "") delete s.description;
      else s.description = input.Description;
    }
    if (input.State !== undefined) s.state = input.State;
    if (input.ResetOrderNumber) delete s.displayOrder;
    else if (input.DisplayOrder !== undefined) s.displayOrder = input.DisplayOrder;
    touch(ctx, s);
    return {};
  }),

  ListAgentStatuses: op<ListAgentStatusRequest, ListAgentStatusResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const types = input.AgentStatusTypes ?? [];
    const matching = [...instance.config.agentStatuses.values()].filter((s) => types.length === 0 || types.includes(s.type));
    const page = paginate(matching, input, "ListAgentStatuses", `${instance.id}|${types.join(",")}`);
    return {
      AgentStatusSummaryList: page.items.map((s) => ({
        Id: s.id, Arn: instanceResourceArn(ctx.region, ctx.account, instance.id, "agentStatus", s.id), Name: s.name, Type: s.type, LastModifiedTime: s.lastModifiedTime, LastModifiedRegion: s.lastModifiedRegion,
      })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  DescribeAgentStatus: op<DescribeAgentStatusRequest, DescribeAgentStatusResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const s = requireRecord(instance.config.agentStatuses, input.AgentStatusId!, "Agent status");
    return {
      AgentStatus: {
        AgentStatusARN: instanceResourceArn(ctx.region, ctx.account, instance.id, "agentStatus", s.id),
        AgentStatusId: s.id,
        Name: s.name,
        ...(s.description !== undefined ? { Description: s.description } : {}),
        Type: s.type,
        ...(s.displayOrder !== undefined ? { DisplayOrder: s.displayOrder } : {}),
        State: s.state,
        Tags: { ...s.tags },
        LastModifiedTime: s.lastModifiedTime,
        LastModifiedRegion: s.lastModifiedRegion,
      },
    };
  }),
};
