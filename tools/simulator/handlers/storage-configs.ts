/**
 * Instance storage configs: where call recordings, chat transcripts, contact trace records, media
 * streams... go. Region-local (ACGR does not mirror them). Each resource type takes the storage
 * types the Connect admin guide lists for it (S3 for recordings, transcripts, reports and
 * attachments; Kinesis Video Streams for media streams; Kinesis Data Streams, or Firehose for
 * contact trace records, for the streaming types), and the config member that matches its
 * `StorageType` (InvalidParameterException otherwise). A resource type holds one config: a second
 * AssociateInstanceStorageConfig is ResourceConflictException. ClientTokens are honoured by the
 * pipeline (`idempotency.ts`).
 */
import { randomBytes } from "node:crypto";
import type {
  AssociateInstanceStorageConfigRequest,
  AssociateInstanceStorageConfigResponse,
  DescribeInstanceStorageConfigRequest,
  DescribeInstanceStorageConfigResponse,
  DisassociateInstanceStorageConfigRequest,
  InstanceStorageConfig,
  ListInstanceStorageConfigsRequest,
  ListInstanceStorageConfigsResponse,
  UpdateInstanceStorageConfigRequest,
} from "@aws-sdk/client-connect";
import { invalidInput, notFound, ServiceError } from "../errors";
import { paginate } from "../pagination";
import type { InstanceRecord, StorageConfigRecord } from "../state/model";
import { op, type HandlerTable, type RequestContext } from "./context";
import { requireInstance } from "./lookup";

/** The config member each storage type carries. */
const MEMBER_OF_TYPE: Readonly<Record<string, keyof InstanceStorageConfig>> = {
  S3: "S3Config",
  KINESIS_VIDEO_STREAM: "KinesisVideoStreamConfig",
  KINESIS_STREAM: "KinesisStreamConfig",
  KINESIS_FIREHOSE: "KinesisFirehoseConfig",
};

/** Storage types each resource type accepts (types not listed take S3). */
const TYPES_OF_RESOURCE: Readonly<Record<string, readonly string[]>> = {
  MEDIA_STREAMS: ["KINESIS_VIDEO_STREAM"],
  CONTACT_TRACE_RECORDS: ["KINESIS_STREAM", "KINESIS_FIREHOSE"],
  AGENT_EVENTS: ["KINESIS_STREAM"],
  REAL_TIME_CONTACT_ANALYSIS_SEGMENTS: ["KINESIS_STREAM"],
  REAL_TIME_CONTACT_ANALYSIS_CHAT_SEGMENTS: ["KINESIS_STREAM"],
  REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS: ["KINESIS_STREAM"],
};

/** The config, checked for the resource type: its StorageType allowed and exactly its member set. */
function checkConfig(ctx: RequestContext, resourceType: string, config: InstanceStorageConfig): InstanceStorageConfig {
  const storageType = config.StorageType!;
  const allowed = TYPES_OF_RESOURCE[resourceType] ?? ["S3"];
  if (!allowed.includes(storageType)) throw invalidInput(ctx.operation, `${resourceType} takes StorageType ${allowed.join(" or ")}, got ${storageType}`);
  const member = MEMBER_OF_TYPE[storageType]!;
  if (config[member] === undefined) throw invalidInput(ctx.operation, `StorageConfig.${member} is required when StorageType is ${storageType}`);
  const extra = Object.values(MEMBER_OF_TYPE).filter((m) => m !== member && config[m] !== undefined);
  if (extra.length > 0) throw invalidInput(ctx.operation, `StorageConfig.${extra.join(", StorageConfig.")} must not be given when StorageType is ${storageType}`);
  return { StorageType: config.StorageType, [member]: structuredClone(config[member]) } as InstanceStorageConfig;
}

function findConfig(instance: InstanceRecord, resourceType: string, associationId: string): StorageConfigRecord {
  const record = instance.storageConfigs.find((s) => s.resourceType === resourceType && s.config.AssociationId === associationId);
  if (!record) throw notFound(`Storage config for ${resourceType}`, associationId);
  return record;
}

/** Operation handlers of this family. */
export const storageConfigHandlers: HandlerTable = {
  AssociateInstanceStorageConfig: op<AssociateInstanceStorageConfigRequest, AssociateInstanceStorageConfigResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const resourceType = input.ResourceType!;
    const config = checkConfig(ctx, resourceType, input.StorageConfig!);
    if (instance.storageConfigs.some((s) => s.resourceType === resourceType)) {
      throw new ServiceError("ResourceConflictException", `${resourceType} already has a storage config; update or disassociate it`);
    }
    // Association ids are 64 hex characters on the service.
    const AssociationId = randomBytes(32).toString("hex");
    instance.storageConfigs.push({ resourceType, config: { AssociationId, ...config } });
    return { AssociationId };
  }),

  UpdateInstanceStorageConfig: op<UpdateInstanceStorageConfigRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const record = findConfig(instance, input.ResourceType!, input.AssociationId!);
    record.config = { AssociationId: record.config.AssociationId, ...checkConfig(ctx, input.ResourceType!, input.StorageConfig!) };
    return {};
  }),

  DisassociateInstanceStorageConfig: op<DisassociateInstanceStorageConfigRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const record = findConfig(instance, input.ResourceType!, input.AssociationId!);
    instance.storageConfigs.splice(instance.storageConfigs.indexOf(record), 1);
    return {};
  }),

  DescribeInstanceStorageConfig: op<DescribeInstanceStorageConfigRequest, DescribeInstanceStorageConfigResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    return { StorageConfig: structuredClone(findConfig(instance, input.ResourceType!, input.AssociationId!).config) };
  }),

  ListInstanceStorageConfigs: op<ListInstanceStorageConfigsRequest, ListInstanceStorageConfigsResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const type = input.ResourceType!;
    const matching = instance.storageConfigs.filter((s) => s.resourceType === type).map((s) => structuredClone(s.config));
    const page = paginate(matching, input, "ListInstanceStorageConfigs", `${instance.id}|${type}`);
    return { StorageConfigs: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }),
};
