/**
 * Agent statuses (read-only here: Available, Offline and seeded custom ones). Mirrored by ACGR.
 */
import {
  AgentStatusType,
  type DescribeAgentStatusRequest,
  type DescribeAgentStatusResponse,
  type ListAgentStatusRequest,
  type ListAgentStatusResponse,
} from "@aws-sdk/client-connect";
import { instanceResourceArn } from "../arns";
import { paginate } from "../pagination";
import { requireEnum } from "../validation";
import { op, type HandlerTable } from "./context";
import { requireInstance, requireRecord } from "./lookup";

/** Operation handlers of this family. */
export const agentStatusHandlers: HandlerTable = {
  ListAgentStatuses: op<ListAgentStatusRequest, ListAgentStatusResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const types = (input.AgentStatusTypes ?? []).map((t, i) => requireEnum(`AgentStatusTypes[${i}]`, t, Object.values(AgentStatusType)));
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
