/**
 * Hours of operation. Mirrored by ACGR. Deleting hours that a queue still uses is refused with
 * InvalidRequestException (DeleteHoursOfOperation's model lists no ResourceInUseException).
 */
import {
  type CreateHoursOfOperationRequest,
  type CreateHoursOfOperationResponse,
  type DeleteHoursOfOperationRequest,
  type DescribeHoursOfOperationRequest,
  type DescribeHoursOfOperationResponse,
  type HoursOfOperationConfig,
  type ListHoursOfOperationsRequest,
  type ListHoursOfOperationsResponse,
  type UpdateHoursOfOperationRequest,
} from "@aws-sdk/client-connect";
import { instanceResourceArn } from "../arns";
import { invalidParameter, listedError } from "../errors";
import { paginate } from "../pagination";
import type { HoursRecord } from "../state/model";
import { op, type HandlerTable } from "./context";
import { assertUniqueName, requireInstance, requireRecord, touch } from "./lookup";

/** Rejects a time zone the IANA database does not know. */
export function validateTimeZone(value: unknown): string {
  if (typeof value !== "string") throw invalidParameter("TimeZone is required");
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
  } catch {
    throw invalidParameter(`TimeZone must be an IANA time zone, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A copy of the day configurations (their days, times and count are the model's to check). */
function copyConfig(config: readonly HoursOfOperationConfig[]): HoursOfOperationConfig[] {
  return config.map((entry) => ({ Day: entry.Day!, StartTime: { Hours: entry.StartTime!.Hours!, Minutes: entry.StartTime!.Minutes! }, EndTime: { Hours: entry.EndTime!.Hours!, Minutes: entry.EndTime!.Minutes! } }));
}

/** Operation handlers of this family. */
export const hoursHandlers: HandlerTable = {
  CreateHoursOfOperation: op<CreateHoursOfOperationRequest, CreateHoursOfOperationResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const name = input.Name!;
    assertUniqueName(instance.config.hours, name, "Hours of operation");
    const record: HoursRecord = {
      id: ctx.newId(),
      name,
      ...(input.Description !== undefined ? { description: input.Description } : {}),
      timeZone: validateTimeZone(input.TimeZone),
      config: copyConfig(input.Config!),
      tags: { ...input.Tags },
      lastModifiedTime: ctx.now(),
      lastModifiedRegion: ctx.region,
    };
    instance.config.hours.set(record.id, record);
    return { HoursOfOperationId: record.id, HoursOfOperationArn: instanceResourceArn(ctx.region, ctx.account, instance.id, "hoursOfOperation", record.id) };
  }),

  DescribeHoursOfOperation: op<DescribeHoursOfOperationRequest, DescribeHoursOfOperationResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const record = requireRecord(instance.config.hours, input.HoursOfOperationId!, "Hours of operation");
    return {
      HoursOfOperation: {
        HoursOfOperationId: record.id,
        HoursOfOperationArn: instanceResourceArn(ctx.region, ctx.account, instance.id, "hoursOfOperation", record.id),
        Name: record.name,
        ...(record.description !== undefined ? { Description: record.description } : {}),
        TimeZone: record.timeZone,
        Config: record.config.map((c) => ({ ...c })),
        Tags: { ...record.tags },
        LastModifiedTime: record.lastModifiedTime,
        LastModifiedRegion: record.lastModifiedRegion,
      },
    };
  }),

  ListHoursOfOperations: op<ListHoursOfOperationsRequest, ListHoursOfOperationsResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const page = paginate([...instance.config.hours.values()], input, "ListHoursOfOperations", instance.id);
    return {
      HoursOfOperationSummaryList: page.items.map((r) => ({
        Id: r.id,
        Arn: instanceResourceArn(ctx.region, ctx.account, instance.id, "hoursOfOperation", r.id),
        Name: r.name,
        LastModifiedTime: r.lastModifiedTime,
        LastModifiedRegion: r.lastModifiedRegion,
      })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  UpdateHoursOfOperation: op<UpdateHoursOfOperationRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const record = requireRecord(instance.config.hours, input.HoursOfOperationId!, "Hours of operation");
    // Validate everything before changing anything: the service applies an update atomically.
    const name = input.Name;
    if (name !== undefined) assertUniqueName(instance.config.hours, name, "Hours of operation", record.id);
    const timeZone = input.TimeZone !== undefined ? validateTimeZone(input.TimeZone) : undefined;
    const config = input.Config !== undefined ? copyConfig(input.Config) : undefined;
    if (name !== undefined) record.name = name;
    if (input.Description !== undefined) record.description = input.Description;
    if (timeZone !== undefined) record.timeZone = timeZone;
    if (config !== undefined) record.config = config;
    touch(ctx, record);
    return {};
  }),

  DeleteHoursOfOperation: op<DeleteHoursOfOperationRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const record = requireRecord(instance.config.hours, input.HoursOfOperationId!, "Hours of operation");
    const user = [...instance.config.queues.values()].find((q) => q.hoursOfOperationId === record.id);
    if (user) throw listedError(ctx.operation, ["ResourceInUseException", "InvalidRequestException"], `Hours of operation ${record.id} is used by queue ${user.id}`);
    instance.config.hours.delete(record.id);
    return {};
  }),
};
