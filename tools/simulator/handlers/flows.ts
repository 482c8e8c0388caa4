/**
 * Flows and flow modules. Mirrored by ACGR. Content is validated by {@link validateFlowContent};
 * invalid content is refused with InvalidContactFlowException (flows) or
 * InvalidContactFlowModuleException (modules), each carrying the service's `problems` list.
 */
import { createHash } from "node:crypto";
import {
  type ContactFlowType,
  type CreateContactFlowModuleRequest,
  type CreateContactFlowModuleResponse,
  type CreateContactFlowRequest,
  type CreateContactFlowResponse,
  type DeleteContactFlowModuleRequest,
  type DeleteContactFlowRequest,
  type DescribeContactFlowModuleRequest,
  type DescribeContactFlowModuleResponse,
  type DescribeContactFlowRequest,
  type DescribeContactFlowResponse,
  type ListContactFlowModulesRequest,
  type ListContactFlowModulesResponse,
  type ListContactFlowsRequest,
  type ListContactFlowsResponse,
  type UpdateContactFlowContentRequest,
  type UpdateContactFlowMetadataRequest,
  type UpdateContactFlowModuleContentRequest,
  type UpdateContactFlowModuleMetadataRequest,
  type UpdateContactFlowNameRequest,
} from "@aws-sdk/client-connect";
import { instanceResourceArn } from "../arns";
import { invalidInput, listedError, ServiceError } from "../errors";
import { validateFlowContent, type FlowScope } from "../flow-content";
import { paginate } from "../pagination";
import type { FlowModuleRecord, FlowRecord, InstanceRecord } from "../state/model";
import { requireLength } from "../validation";
import { op, type HandlerTable, type RequestContext } from "./context";
import { assertUniqueName, requireInstance, requireRecord, touch } from "./lookup";

/** Largest flow content the service accepts, in characters. */
const MAX_CONTENT_LENGTH = 256_000;

/** The validation scope of an instance: its Regions are its own and its ACGR peer's. */
export function flowScope(ctx: RequestContext, instance: InstanceRecord): FlowScope {
  const regions = [instance.region];
  const link = instance.replication;
  if (link) regions.push(instance.region === link.sourceRegion ? link.replicaRegion : link.sourceRegion);
  return { instance, account: ctx.account, regions };
}

function checkContent(ctx: RequestContext, instance: InstanceRecord, content: unknown, errorType: "InvalidContactFlowException" | "InvalidContactFlowModuleException"): string {
  const text = requireLength("Content", content, 1, MAX_CONTENT_LENGTH);
  const problems = validateFlowContent(text, flowScope(ctx, instance));
  if (problems.length > 0) {
    const what = errorType === "InvalidContactFlowException" ? "flow" : "flow module";
    throw new ServiceError(errorType, `The ${what} is not valid: ${problems.map((p) => p.message).join("; ")}`, { [errorType === "InvalidContactFlowException" ? "problems" : "Problems"]: problems });
  }
  return text;
}

function sha256(content: string): string {
  return createHash("sha256").update(content, "utf8").digest("hex");
}

function flowArn(ctx: RequestContext, instance: InstanceRecord, id: string): string {
  return instanceResourceArn(ctx.region, ctx.account, instance.id, "contactFlow", id);
}

function moduleArn(ctx: RequestContext, instance: InstanceRecord, id: string): string {
  return instanceResourceArn(ctx.region, ctx.account, instance.id, "contactFlowModule", id);
}

/**
 * A flow named by id or ARN, optionally with the `:$SAVED` alias ("Use the $SAVED alias in the
 * request to describe the SAVED content of a Flow", DescribeContactFlow's reference). Other
 * qualifiers (`:<version>`) name nothing here.
 */
function flowRef(instance: InstanceRecord, idOrArn: string): { flow: FlowRecord; saved: boolean } {
  const saved = idOrArn.endsWith(":$SAVED");
  return { flow: requireRecord(instance.config.flows, saved ? idOrArn.slice(0, -":$SAVED".length) : idOrArn, "Contact flow"), saved };
}

/** Operation handlers of this family. */
export const flowHandlers: HandlerTable = {
  CreateContactFlow: op<CreateContactFlowRequest, CreateContactFlowResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const name = requireLength("Name", input.Name, 1, 127);
    const type = input.Type!;
    const status = input.Status ?? "PUBLISHED";
    const tags = { ...input.Tags };
    assertUniqueName(instance.config.flows, name, "Contact flow");
    // "The SAVED status does not initiate validation of the content" (CreateContactFlow's reference):
    // a draft may name resources that do not exist yet; only publishing validates it.
    const content = status === "SAVED" ? requireLength("Content", input.Content, 1, MAX_CONTENT_LENGTH) : checkContent(ctx, instance, input.Content, "InvalidContactFlowException");
    const record: FlowRecord = {
      id: ctx.newId(),
      name,
      ...(input.Description !== undefined ? { description: requireLength("Description", input.Description, 0, 500) } : {}),
      type,
      state: "ACTIVE",
      status,
      content,
      tags,
      lastModifiedTime: ctx.now(),
      lastModifiedRegion: ctx.region,
    };
    instance.config.flows.set(record.id, record);
    return { ContactFlowId: record.id, ContactFlowArn: flowArn(ctx, instance, record.id), FlowContentSha256: sha256(content) };
  }),

  DescribeContactFlow: op<DescribeContactFlowRequest, DescribeContactFlowResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const { flow: f, saved } = flowRef(instance, input.ContactFlowId!);
    // Through :$SAVED a published flow with unpublished changes shows them, as SAVED.
    const draft = saved && f.savedContent !== undefined;
    const content = draft ? f.savedContent! : f.content;
    return {
      ContactFlow: {
        Arn: flowArn(ctx, instance, f.id),
        Id: f.id,
        Name: f.name,
        Type: f.type as ContactFlowType,
        State: f.state,
        Status: draft ? "SAVED" : f.status,
        ...(f.description !== undefined ? { Description: f.description } : {}),
        Content: content,
        Tags: { ...f.tags },
        FlowContentSha256: sha256(content),
        LastModifiedTime: f.lastModifiedTime,
        LastModifiedRegion: f.lastModifiedRegion,
      },
    };
  }),

  ListContactFlows: op<ListContactFlowsRequest, ListContactFlowsResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const types = input.ContactFlowTypes ?? [];
    const matching = [...instance.config.flows.values()].filter((f) => types.length === 0 || types.includes(f.type as ContactFlowType));
    const page = paginate(matching, input, "ListContactFlows", `${instance.id}|${types.join(",")}`);
    return {
      ContactFlowSummaryList: page.items.map((f) => ({
        Id: f.id,
        Arn: flowArn(ctx, instance, f.id),
        Name: f.name,
        ContactFlowType: f.type as ContactFlowType,
        ContactFlowState: f.state,
        ContactFlowStatus: f.status,
      })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  UpdateContactFlowContent: op<UpdateContactFlowContentRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const { flow: f, saved } = flowRef(instance, input.ContactFlowId!);
    if (saved) {
      // Saving is not publishing: no validation, and the live content of a published flow stays.
      const draft = requireLength("Content", input.Content, 1, MAX_CONTENT_LENGTH);
      if (f.status === "SAVED") f.content = draft;
      else f.savedContent = draft;
    } else {
      f.content = checkContent(ctx, instance, input.Content, "InvalidContactFlowException");
      f.status = "PUBLISHED";
      delete f.savedContent;
    }
    touch(ctx, f);
    return {};
  }),

  UpdateContactFlowMetadata: op<UpdateContactFlowMetadataRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const f = requireRecord(instance.config.flows, input.ContactFlowId!, "Contact flow");
    const name = input.Name !== undefined ? requireLength("Name", input.Name, 1, 127) : undefined;
    if (name !== undefined) assertUniqueName(instance.config.flows, name, "Contact flow", f.id);
    const state = input.ContactFlowState;
    if (name !== undefined) f.name = name;
    if (input.Description !== undefined) f.description = requireLength("Description", input.Description, 0, 500);
    if (state !== undefined) f.state = state;
    touch(ctx, f);
    return {};
  }),

  UpdateContactFlowName: op<UpdateContactFlowNameRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const f = requireRecord(instance.config.flows, input.ContactFlowId!, "Contact flow");
    if (input.Name !== undefined) {
      const name = requireLength("Name", input.Name, 1, 127);
      assertUniqueName(instance.config.flows, name, "Contact flow", f.id);
      f.name = name;
    }
    if (input.Description !== undefined) f.description = requireLength("Description", input.Description, 0, 500);
    touch(ctx, f);
    return {};
  }),

  DeleteContactFlow: op<DeleteContactFlowRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const f = requireRecord(instance.config.flows, input.ContactFlowId!, "Contact flow");
    // A number of a traffic distribution group may use the flow from either Region.
    for (const number of ctx.store.regionsOf(ctx.account).flatMap((state) => [...state.phoneNumbers.values()])) {
      if (Object.values(number.contactFlowIdByRegion).includes(f.id)) throw listedError(ctx.operation, ["ResourceInUseException", "InvalidRequestException"], `Contact flow ${f.id} is associated with phone number ${number.phoneNumber}`);
    }
    instance.config.flows.delete(f.id);
    return {};
  }),

  CreateContactFlowModule: op<CreateContactFlowModuleRequest, CreateContactFlowModuleResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const name = input.Name!;
    const tags = { ...input.Tags };
    assertUniqueName(instance.config.flowModules, name, "Contact flow module");
    const content = checkContent(ctx, instance, input.Content, "InvalidContactFlowModuleException");
    const record: FlowModuleRecord = {
      id: ctx.newId(),
      name,
      ...(input.Description !== undefined ? { description: input.Description } : {}),
      state: "ACTIVE",
      status: "PUBLISHED",
      content,
      ...(input.Settings !== undefined ? { settings: input.Settings } : {}),
      tags,
      lastModifiedTime: ctx.now(),
      lastModifiedRegion: ctx.region,
    };
    instance.config.flowModules.set(record.id, record);
    return { Id: record.id, Arn: moduleArn(ctx, instance, record.id) };
  }),

  DescribeContactFlowModule: op<DescribeContactFlowModuleRequest, DescribeContactFlowModuleResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const m = requireRecord(instance.config.flowModules, input.ContactFlowModuleId!, "Contact flow module");
    return {
      ContactFlowModule: {
        Arn: moduleArn(ctx, instance, m.id),
        Id: m.id,
        Name: m.name,
        Content: m.content,
        ...(m.description !== undefined ? { Description: m.description } : {}),
        State: m.state,
        Status: m.status,
        Tags: { ...m.tags },
        FlowModuleContentSha256: sha256(m.content),
        ...(m.settings !== undefined ? { Settings: m.settings } : {}),
      },
    };
  }),

  ListContactFlowModules: op<ListContactFlowModulesRequest, ListContactFlowModulesResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const state = input.ContactFlowModuleState;
    const matching = [...instance.config.flowModules.values()].filter((m) => state === undefined || m.state === state);
    const page = paginate(matching, input, "ListContactFlowModules", `${instance.id}|${state ?? ""}`);
    return {
      ContactFlowModulesSummaryList: page.items.map((m) => ({ Id: m.id, Arn: moduleArn(ctx, instance, m.id), Name: m.name, State: m.state })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  UpdateContactFlowModuleContent: op<UpdateContactFlowModuleContentRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const m = requireRecord(instance.config.flowModules, input.ContactFlowModuleId!, "Contact flow module");
    if (input.Content === undefined && input.Settings === undefined) throw invalidInput(ctx.operation, "At least one of Content and Settings is required");
    if (input.Content !== undefined) m.content = checkContent(ctx, instance, input.Content, "InvalidContactFlowModuleException");
    if (input.Settings !== undefined) m.settings = input.Settings;
    touch(ctx, m);
    return {};
  }),

  UpdateContactFlowModuleMetadata: op<UpdateContactFlowModuleMetadataRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const m = requireRecord(instance.config.flowModules, input.ContactFlowModuleId!, "Contact flow module");
    const name = input.Name;
    if (name !== undefined) assertUniqueName(instance.config.flowModules, name, "Contact flow module", m.id);
    const state = input.State;
    if (name !== undefined) m.name = name;
    if (input.Description !== undefined) m.description = input.Description;
    if (state !== undefined) m.state = state;
    touch(ctx, m);
    return {};
  }),

  DeleteContactFlowModule: op<DeleteContactFlowModuleRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const m = requireRecord(instance.config.flowModules, input.ContactFlowModuleId!, "Contact flow module");
    instance.config.flowModules.delete(m.id);
    return {};
  }),
};
