/**
 * Prompts: the stock prompts, seeded ones, and prompts created from an S3 object. Mirrored by ACGR.
 * CreatePrompt and UpdatePrompt read the object through `settings.promptAudio` (an S3 client at a
 * configurable endpoint) and keep the bytes, as the service does; an object that is missing or
 * unreadable is InvalidParameterException (CreatePrompt lists no ResourceNotFoundException).
 * GetPromptFile answers a URL the simulator serves itself (`prompt-files.ts`). Names are unique per
 * instance (DuplicateResourceException).
 */
import type {
  CreatePromptRequest,
  CreatePromptResponse,
  DeletePromptRequest,
  DescribePromptRequest,
  DescribePromptResponse,
  GetPromptFileRequest,
  GetPromptFileResponse,
  ListPromptsRequest,
  ListPromptsResponse,
  UpdatePromptRequest,
  UpdatePromptResponse,
} from "@aws-sdk/client-connect";
import { instanceResourceArn } from "../arns";
import { invalidInput, listedError, ServiceError } from "../errors";
import { paginate } from "../pagination";
import { PromptAudioError } from "../prompt-audio";
import { promptFileUrl } from "../prompt-files";
import type { InstanceRecord, PromptRecord } from "../state/model";
import { op, type HandlerTable, type RequestContext } from "./context";
import { assertUniqueName, requireInstance, requireRecord, touch } from "./lookup";

/** Amazon Connect's default quota of prompts per instance. */
export const MAX_PROMPTS = 500;

function promptArn(ctx: RequestContext, instance: InstanceRecord, id: string): string {
  return instanceResourceArn(ctx.region, ctx.account, instance.id, "prompt", id);
}

/** The instance; CreatePrompt lists no ResourceNotFoundException, so there an unknown instance is its validation error. */
function promptInstance(ctx: RequestContext, instanceId: string): InstanceRecord {
  try {
    return requireInstance(ctx, instanceId);
  } catch (error) {
    if (error instanceof ServiceError && error.errorType === "ResourceNotFoundException") throw listedError(ctx.operation, ["ResourceNotFoundException"], error.message);
    throw error;
  }
}

async function readAudio(ctx: RequestContext, uri: string): Promise<Uint8Array> {
  try {
    return await ctx.settings.promptAudio.read(uri);
  } catch (error) {
    if (error instanceof PromptAudioError) throw invalidInput(ctx.operation, error.message);
    throw error;
  }
}

/** Operation handlers of this family. */
export const promptHandlers: HandlerTable = {
  CreatePrompt: op<CreatePromptRequest, CreatePromptResponse>(async (ctx, input) => {
    const instance = promptInstance(ctx, input.InstanceId!);
    const name = input.Name!;
    assertUniqueName(instance.config.prompts, name, "Prompt");
    if (instance.config.prompts.size >= MAX_PROMPTS) throw new ServiceError("LimitExceededException", `An instance has at most ${MAX_PROMPTS} prompts`);
    const audio = await readAudio(ctx, input.S3Uri!);
    // The read is asynchronous: a concurrent create of the same name may have won meanwhile.
    assertUniqueName(instance.config.prompts, name, "Prompt");
    const record: PromptRecord = {
      id: ctx.newId(),
      name,
      ...(input.Description !== undefined ? { description: input.Description } : {}),
      s3Uri: input.S3Uri!,
      audio,
      tags: { ...input.Tags },
      lastModifiedTime: ctx.now(),
      lastModifiedRegion: ctx.region,
    };
    instance.config.prompts.set(record.id, record);
    return { PromptId: record.id, PromptARN: promptArn(ctx, instance, record.id) };
  }),

  UpdatePrompt: op<UpdatePromptRequest, UpdatePromptResponse>(async (ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireRecord(instance.config.prompts, input.PromptId!, "Prompt");
    // UpdatePrompt lists no DuplicateResourceException: a taken name is its validation error.
    if (input.Name !== undefined && [...instance.config.prompts.values()].some((o) => o.name === input.Name && o.id !== p.id)) {
      throw listedError(ctx.operation, ["DuplicateResourceException"], `Prompt with name ${input.Name} already exists`);
    }
    const audio = input.S3Uri !== undefined ? await readAudio(ctx, input.S3Uri) : undefined;
    if (input.Name !== undefined) p.name = input.Name;
    if (input.Description !== undefined) p.description = input.Description;
    if (audio) {
      p.audio = audio;
      p.s3Uri = input.S3Uri!;
    }
    touch(ctx, p);
    return { PromptId: p.id, PromptARN: promptArn(ctx, instance, p.id) };
  }),

  DeletePrompt: op<DeletePromptRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireRecord(instance.config.prompts, input.PromptId!, "Prompt");
    instance.config.prompts.delete(p.id);
    return {};
  }),

  GetPromptFile: op<GetPromptFileRequest, GetPromptFileResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireRecord(instance.config.prompts, input.PromptId!, "Prompt");
    return {
      PromptPresignedUrl: promptFileUrl(ctx.settings.endpoint, { account: ctx.account, region: ctx.region, instanceId: instance.id, promptId: p.id }, ctx.now()),
      LastModifiedTime: p.lastModifiedTime,
      LastModifiedRegion: p.lastModifiedRegion,
    };
  }),

  ListPrompts: op<ListPromptsRequest, ListPromptsResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const page = paginate([...instance.config.prompts.values()], input, "ListPrompts", instance.id);
    return {
      PromptSummaryList: page.items.map((p) => ({
        Id: p.id, Arn: promptArn(ctx, instance, p.id), Name: p.name, LastModifiedTime: p.lastModifiedTime, LastModifiedRegion: p.lastModifiedRegion,
      })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  DescribePrompt: op<DescribePromptRequest, DescribePromptResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireRecord(instance.config.prompts, input.PromptId!, "Prompt");
    return {
      Prompt: {
        PromptARN: promptArn(ctx, instance, p.id),
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
