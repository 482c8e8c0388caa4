/**
 * Instance operations: lifecycle (create, describe, list, delete: deleting a replica ends the
 * replication and removes the instance's traffic distribution groups; a source with a replica
 * cannot be deleted), attributes and Lambda functions. Storage configs (`storage-configs.ts`),
 * integrations (`integrations.ts`) and Lex bots (`bots.ts`) have their own files. Lambda, Lex,
 * storage and integrations are Region-local (ACGR does not mirror them).
 */
import {
  InstanceAttributeType,
  type AssociateLambdaFunctionRequest,
  type CreateInstanceRequest,
  type CreateInstanceResponse,
  type DeleteInstanceRequest,
  type DescribeInstanceAttributeRequest,
  type DescribeInstanceAttributeResponse,
  type DescribeInstanceRequest,
  type DescribeInstanceResponse,
  type DisassociateLambdaFunctionRequest,
  type Instance,
  type InstanceSummary,
  type ListInstanceAttributesRequest,
  type ListInstanceAttributesResponse,
  type ListInstancesRequest,
  type ListInstancesResponse,
  type ListLambdaFunctionsRequest,
  type ListLambdaFunctionsResponse,
  type ReplicationConfiguration,
  type UpdateInstanceAttributeRequest,
} from "@aws-sdk/client-connect";
import { instanceArn } from "../arns";
import { invalidInput, invalidParameter, invalidRequest, notFound, ServiceError } from "../errors";
import { paginate } from "../pagination";
import { addDefaultResources } from "../state/default-resources";
import { emptyMirroredConfig, type InstanceRecord } from "../state/model";
import { requireEnum } from "../validation";
import { op, type HandlerTable, type RequestContext } from "./context";
import { findInstance, isInstanceActive, requireInstance } from "./lookup";

const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:([a-z0-9-]+):(\d{12}):function:[a-zA-Z0-9-_]+(:(\$LATEST|[a-zA-Z0-9-_]+))?$/;
/**
 * DescribeInstance and DeleteInstance model `InstanceId` (no ARN form), unlike ReplicateInstance and
 * ListTrafficDistributionGroups (`InstanceIdOrArn`): the service looks the value up as an id, so an ARN
 * names no instance.
 */
function findInstanceById(ctx: RequestContext, instanceId: string): InstanceRecord {
  if (instanceId.startsWith("arn:")) throw notFound("Instance", `${instanceId} (${ctx.operation} takes the instance id, not its ARN)`);
  return findInstance(ctx, instanceId);
}

/** Documented quota: Lambda functions per instance. */
const MAX_LAMBDA_FUNCTIONS = 50;

const BOOLEAN_ATTRIBUTES = new Set<string>(Object.values(InstanceAttributeType));

/** Creates an instance record (used by CreateInstance and by seeding). */
export function createInstanceRecord(
  ctx: RequestContext,
  fields: { alias?: string; identityManagementType: string; inboundCallsEnabled: boolean; outboundCallsEnabled: boolean; tags?: Record<string, string> },
): InstanceRecord {
  const now = ctx.now();
  const id = ctx.newId();
  const attributes = new Map<string, string>();
  for (const type of Object.values(InstanceAttributeType)) attributes.set(type, type === "EARLY_MEDIA" ? "true" : "false");
  attributes.set("INBOUND_CALLS", String(fields.inboundCallsEnabled));
  attributes.set("OUTBOUND_CALLS", String(fields.outboundCallsEnabled));
  const instance: InstanceRecord = {
    id,
    account: ctx.account,
    region: ctx.region,
    ...(fields.alias !== undefined ? { alias: fields.alias } : {}),
    identityManagementType: fields.identityManagementType,
    inboundCallsEnabled: fields.inboundCallsEnabled,
    outboundCallsEnabled: fields.outboundCallsEnabled,
    createdTime: now,
    readyAt: now.getTime() + ctx.settings.instanceCreationDelayMs,
    tags: fields.tags ?? {},
    attributes,
    storageConfigs: [],
    integrations: [],
    lambdaFunctions: [],
    lexBots: [],
    lexV2BotAliasArns: [],
    config: emptyMirroredConfig(),
  };
  if (ctx.settings.defaultResources) addDefaultResources(instance.config, ctx.region, now);
  ctx.regionState.instances.set(id, instance);
  return instance;
}

function instanceStatus(ctx: RequestContext, instance: InstanceRecord): "ACTIVE" | "CREATION_IN_PROGRESS" {
  return isInstanceActive(ctx, instance) ? "ACTIVE" : "CREATION_IN_PROGRESS";
}

function summary(ctx: RequestContext, instance: InstanceRecord): InstanceSummary {
  return {
    Id: instance.id,
    Arn: instanceArn(instance.region, instance.account, instance.id),
    IdentityManagementType: instance.identityManagementType as InstanceSummary["IdentityManagementType"],
    ...(instance.alias !== undefined ? { InstanceAlias: instance.alias, InstanceAccessUrl: `https://${instance.alias}.my.connect.aws` } : {}),
    CreatedTime: instance.createdTime,
    ServiceRole: `arn:aws:iam::${instance.account}:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_${instance.id.replace(/-/g, "").slice(0, 20)}`,
    InstanceStatus: instanceStatus(ctx, instance),
    InboundCallsEnabled: instance.inboundCallsEnabled,
    OutboundCallsEnabled: instance.outboundCallsEnabled,
  };
}

function replicationConfiguration(ctx: RequestContext, instance: InstanceRecord): ReplicationConfiguration | undefined {
  const link = instance.replication;
  if (!link) return undefined;
  const complete = ctx.now().getTime() >= link.readyAt;
  const other = instance.region === link.sourceRegion ? link.replicaRegion : link.sourceRegion;
  return {
    ReplicationStatusSummaryList: [{ Region: other, ReplicationStatus: complete ? "INSTANCE_REPLICATION_COMPLETE" : "INSTANCE_REPLICATION_IN_PROGRESS" }],
    SourceRegion: link.sourceRegion,
    ...(instance.alias !== undefined ? { GlobalSignInEndpoint: `https://${instance.alias}.awsapps.com/auth/?client_id=connect-global` } : {}),
  };
}

/** Operation handlers of this family. */
export const instanceHandlers: HandlerTable = {
  CreateInstance: op<CreateInstanceRequest, CreateInstanceResponse>((ctx, input) => {
    // The identity type, the alias's format and the flags are the model's to check; which member each type needs is not.
    const identity = input.IdentityManagementType!;
    if (identity === "EXISTING_DIRECTORY") {
      if (!input.DirectoryId) throw invalidInput(ctx.operation, "DirectoryId is required when IdentityManagementType is EXISTING_DIRECTORY");
    } else if (input.InstanceAlias === undefined) {
      throw invalidInput(ctx.operation, `InstanceAlias is required when IdentityManagementType is ${identity}`);
    }
    if (input.InstanceAlias !== undefined) {
      for (const state of ctx.store.all()) {
        for (const other of state.instances.values()) {
          if (other.alias === input.InstanceAlias) throw invalidRequest(`The alias ${input.InstanceAlias} is already in use`);
        }
      }
    }
    const instance = createInstanceRecord(ctx, {
      ...(input.InstanceAlias !== undefined ? { alias: input.InstanceAlias } : {}),
      identityManagementType: identity,
      inboundCallsEnabled: input.InboundCallsEnabled!,
      outboundCallsEnabled: input.OutboundCallsEnabled!,
      tags: { ...input.Tags },
    });
    return { Id: instance.id, Arn: instanceArn(ctx.region, ctx.account, instance.id) };
  }),

  DeleteInstance: op<DeleteInstanceRequest, Record<string, never>>((ctx, input) => {
    const instance = findInstanceById(ctx, input.InstanceId!);
    const link = instance.replication;
    if (link && instance.region === link.sourceRegion) {
      throw invalidRequest(`Instance ${instance.id} has a replica in ${link.replicaRegion}; delete the replica first`);
    }
    const arn = instanceArn(instance.region, instance.account, instance.id);
    for (const [id, number] of ctx.regionState.phoneNumbers) if (number.targetArn === arn) ctx.regionState.phoneNumbers.delete(id);
    ctx.regionState.instances.delete(instance.id);
    if (link) {
      // Deleting the replica ends the replication: the source is a plain instance again and its
      // traffic distribution groups (the default one included) go away.
      const sourceState = ctx.store.region(instance.account, link.sourceRegion);
      const source = sourceState.instances.get(instance.id);
      if (source) delete source.replication;
      for (const [id, group] of sourceState.trafficDistributionGroups) if (group.instanceId === instance.id) sourceState.trafficDistributionGroups.delete(id);
    }
    return {};
  }),

  DescribeInstance: op<DescribeInstanceRequest, DescribeInstanceResponse>((ctx, input) => {
    const instance = findInstanceById(ctx, input.InstanceId!);
    const described: Instance = { ...summary(ctx, instance), Tags: { ...instance.tags } };
    const replication = replicationConfiguration(ctx, instance);
    return { Instance: described, ...(replication ? { ReplicationConfiguration: replication } : {}) };
  }),

  ListInstances: op<ListInstancesRequest, ListInstancesResponse>((ctx, input) => {
    const page = paginate([...ctx.regionState.instances.values()], input, "ListInstances", "");
    return { InstanceSummaryList: page.items.map((i) => summary(ctx, i)), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }),

  ListInstanceAttributes: op<ListInstanceAttributesRequest, ListInstanceAttributesResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const all = [...instance.attributes].map(([AttributeType, Value]) => ({ AttributeType: AttributeType as InstanceAttributeType, Value }));
    const page = paginate(all, input, "ListInstanceAttributes", instance.id);
    return { Attributes: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }),

  DescribeInstanceAttribute: op<DescribeInstanceAttributeRequest, DescribeInstanceAttributeResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const type = requireEnum("AttributeType", input.AttributeType, Object.values(InstanceAttributeType));
    return { Attribute: { AttributeType: type, Value: instance.attributes.get(type) ?? "false" } };
  }),

  UpdateInstanceAttribute: op<UpdateInstanceAttributeRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const type = requireEnum("AttributeType", input.AttributeType, Object.values(InstanceAttributeType));
    const value = input.Value!;
    if (BOOLEAN_ATTRIBUTES.has(type) && value !== "true" && value !== "false") {
      throw invalidParameter(`Value for ${type} must be "true" or "false", got ${JSON.stringify(value)}`);
    }
    instance.attributes.set(type, value);
    if (type === "INBOUND_CALLS") instance.inboundCallsEnabled = value === "true";
    if (type === "OUTBOUND_CALLS") instance.outboundCallsEnabled = value === "true";
    return {};
  }),

  ListLambdaFunctions: op<ListLambdaFunctionsRequest, ListLambdaFunctionsResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const page = paginate(instance.lambdaFunctions, input, "ListLambdaFunctions", instance.id);
    return { LambdaFunctions: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }),

  AssociateLambdaFunction: op<AssociateLambdaFunctionRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const arn = input.FunctionArn!;
    const match = LAMBDA_ARN.exec(arn);
    if (!match) throw invalidParameter(`FunctionArn is not a Lambda function ARN: ${arn}`);
    if (match[1] !== instance.region) {
      throw invalidParameter(`The Lambda function must be in the instance's Region ${instance.region}, got ${match[1]}`);
    }
    if (instance.lambdaFunctions.includes(arn)) throw new ServiceError("ResourceConflictException", `Lambda function ${arn} is already associated`);
    if (instance.lambdaFunctions.length >= MAX_LAMBDA_FUNCTIONS) {
      throw new ServiceError("ServiceQuotaExceededException", `At most ${MAX_LAMBDA_FUNCTIONS} Lambda functions can be associated with an instance`);
    }
    instance.lambdaFunctions.push(arn);
    return {};
  }),

  DisassociateLambdaFunction: op<DisassociateLambdaFunctionRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const index = instance.lambdaFunctions.indexOf(input.FunctionArn!);
    if (index < 0) throw notFound("Lambda function association", input.FunctionArn!);
    instance.lambdaFunctions.splice(index, 1);
    return {};
  }),
};
