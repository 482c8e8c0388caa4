/**
 * Validation of flow content (the Amazon Connect Flow language) as CreateContactFlow,
 * UpdateContactFlowContent and the flow-module calls perform it.
 *
 * Checked: the content is JSON; it is the flow language (`Version` "2019-10-30", `StartAction`,
 * `Actions`), not the legacy console format (`modules`/`version: "1"`, which the API never
 * accepted); action identifiers are unique; `StartAction` and every transition name an action; and
 * every Amazon Connect resource ARN in an action's `Parameters` names a resource of THIS instance
 * that exists. The real service rejects references to unknown resources, so a flow exported from
 * another instance must have its ARNs rewritten (and the resources created) before import.
 *
 * Not checked (documented choice): Lambda and Lex ARNs (the service checks association only when a
 * contact runs the block), `Metadata` (display-only, it repeats ARNs for the designer), and dynamic
 * values such as `$.FlowAttributes.x` or `$.AwsRegion` (resolved at run time).
 */
import { familyOfArnType, parseConnectArn } from "./arns";
import type { InstanceRecord, MirroredConfig } from "./state/model";

/** One problem, in the service's `ProblemDetail` shape. */
export interface FlowProblem {
  readonly message: string;
}

/** The flow language version the API accepts. */
export const FLOW_LANGUAGE_VERSION = "2019-10-30";

/** Where the content will live: the instance, its Region(s) and account. */
export interface FlowScope {
  readonly instance: InstanceRecord;
  readonly account: string;
  /** Regions whose ARNs denote this instance: its own and, if replicated, the other ACGR Region. */
  readonly regions: readonly string[];
}

function collectionFor(config: MirroredConfig, family: string): ReadonlyMap<string, unknown> | undefined {
  switch (family) {
    case "queue": return config.queues;
    case "hoursOfOperation": return config.hours;
    case "routingProfile": return config.routingProfiles;
    case "contactFlow": return config.flows;
    case "contactFlowModule": return config.flowModules;
    case "prompt": return config.prompts;
    case "quickConnect": return config.quickConnects;
    case "securityProfile": return config.securityProfiles;
    case "hierarchyGroup": return config.hierarchyGroups;
    case "agentStatus": return config.agentStatuses;
    case "user": return config.users;
    default: return undefined;
  }
}

/** Every string inside a JSON value, depth first. */
function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === "string") yield value;
  else if (Array.isArray(value)) for (const v of value) yield* stringsIn(v);
  else if (value !== null && typeof value === "object") for (const v of Object.values(value)) yield* stringsIn(v);
}

function transitionTargets(transitions: unknown): string[] {
  if (transitions === null || typeof transitions !== "object") return [];
  const t = transitions as { NextAction?: unknown; Conditions?: unknown; Errors?: unknown };
  const targets: string[] = [];
  if (typeof t.NextAction === "string") targets.push(t.NextAction);
  for (const list of [t.Conditions, t.Errors]) {
    if (Array.isArray(list)) for (const entry of list) if (typeof (entry as { NextAction?: unknown })?.NextAction === "string") targets.push((entry as { NextAction: string }).NextAction);
  }
  return targets;
}

/** Checks one ARN reference; returns a problem or undefined. */
function checkArn(arnText: string, scope: FlowScope): FlowProblem | undefined {
  const arn = parseConnectArn(arnText);
  if (!arn || arn.topType !== "instance" || !arn.resourceType) return undefined;
  const family = familyOfArnType(arn.resourceType);
  const collection = family ? collectionFor(scope.instance.config, family) : undefined;
  if (!collection) return undefined;
  if (arn.account !== scope.account || arn.topId !== scope.instance.id || !scope.regions.includes(arn.region)) {
    return { message: `Resource ${arnText} does not belong to instance ${scope.instance.id} in account ${scope.account}` };
  }
  if (!collection.has(arn.resourceId!)) return { message: `Resource not found: ${arnText}` };
  return undefined;
}

/**
 * Validates flow (or flow module) content for `scope`. Returns the problems; empty means valid.
 */
export function validateFlowContent(content: string, scope: FlowScope): FlowProblem[] {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    return [{ message: "Content is not valid JSON" }];
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return [{ message: "Content must be a JSON object" }];
  const flow = doc as { Version?: unknown; StartAction?: unknown; Actions?: unknown; modules?: unknown };
  if (flow.modules !== undefined && flow.Actions === undefined) {
    return [{ message: "Legacy flow format (modules) is not supported; use the Amazon Connect Flow language, Version 2019-10-30" }];
  }
  const problems: FlowProblem[] = [];
  if (flow.Version !== FLOW_LANGUAGE_VERSION) problems.push({ message: `Version must be ${FLOW_LANGUAGE_VERSION}, got ${JSON.stringify(flow.Version)}` });
  if (!Array.isArray(flow.Actions)) {
    problems.push({ message: "Actions must be a list" });
    return problems;
  }
  const ids = new Set<string>();
  for (const [i, action] of (flow.Actions as unknown[]).entries()) {
    const a = action as { Identifier?: unknown; Type?: unknown };
    if (typeof a?.Identifier !== "string" || a.Identifier.length === 0) problems.push({ message: `Actions[${i}].Identifier is required` });
    else if (ids.has(a.Identifier)) problems.push({ message: `Duplicate action identifier ${a.Identifier}` });
    else ids.add(a.Identifier);
    if (typeof a?.Type !== "string" || a.Type.length === 0) problems.push({ message: `Actions[${i}].Type is required` });
  }
  if (typeof flow.StartAction !== "string") problems.push({ message: "StartAction is required" });
  else if (!ids.has(flow.StartAction)) problems.push({ message: `StartAction ${flow.StartAction} names no action` });
  for (const action of flow.Actions as { Identifier?: string; Transitions?: unknown; Parameters?: unknown }[]) {
    for (const target of transitionTargets(action?.Transitions)) {
      if (!ids.has(target)) problems.push({ message: `Action ${String(action.Identifier)} transitions to unknown action ${target}` });
    }
    for (const text of stringsIn(action?.Parameters)) {
      const problem = checkArn(text, scope);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}
