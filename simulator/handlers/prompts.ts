/**
 * Prompts (read-only here: the stock prompts and seeded ones). Mirrored by ACGR, except prompts
 * stored in S3, which the simulator does not model.
 */
import type { DescribePromptRequest, DescribePromptResponse, ListPromptsRequest, ListPromptsResponse } from "@aws-sdk/client-connect";
import { instanceResourceArn } from "../arns";
import { paginate } from "../pagination";
import { op, type HandlerTable } from "./context";
import { requireInstance, requireRecord } from "./lookup";

/** Operation handlers of this family. */
export const promptHandlers: HandlerTable = {
  ListPrompts: op<ListPromptsRequest, ListPromptsResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const page = paginate([...instance.config.prompts.values()], input, "ListPrompts", instance.id);
    return {
      PromptSummaryList: page.items.map((p) => ({
        Id: p.id, Arn: instanceResourceArn(ctx.region, ctx.account, instance.id, "prompt", p.id), Name: p.name, LastModifiedTime: p.lastModifiedTime, LastModifiedRegion: p.lastModifiedRegion,
      })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  DescribePrompt: op<DescribePromptRequest, DescribePromptResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireRecord(instance.config.prompts, input.PromptId!, "Prompt");
    return {
      Prompt: {
        PromptARN: instanceResourceArn(ctx.region, ctx.account, instance.id, "prompt", p.id),
        PromptId: p.id,
        Name: p.name,
        ...(p.description !== undefined ? { Description: p.description } : {}),
        Tags: { ...p.tags },
        LastModifiedTime: p.lastModifiedTime,
        LastModifiedRegion: p.lastModifiedRegion,
      },
    };
  }),
};
