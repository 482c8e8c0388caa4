import type { Kind } from "../model/kinds";

/** A field of one kind's data that holds the id (or ARN) of another resource. */
export interface LinkSpec {
  readonly kind: Kind;
  /** Dot path; `[]` walks an array (e.g. `QueueConfigs[].QueueId`). */
  readonly path: string;
  readonly target: Kind;
}

export const LINKS: readonly LinkSpec[] = [
  { kind: "queues", path: "HoursOfOperationId", target: "hours" },
  { kind: "queues", path: "OutboundCallerConfig.OutboundFlowId", target: "flows" },
  { kind: "queues", path: "QuickConnects[].Id", target: "quickConnects" },
  { kind: "routingProfiles", path: "DefaultOutboundQueueId", target: "queues" },
  { kind: "routingProfiles", path: "QueueConfigs[].QueueId", target: "queues" },
  { kind: "quickConnects", path: "QuickConnectConfig.QueueConfig.QueueId", target: "queues" },
  { kind: "quickConnects", path: "QuickConnectConfig.QueueConfig.ContactFlowId", target: "flows" },
  { kind: "quickConnects", path: "QuickConnectConfig.UserConfig.UserId", target: "users" },
  { kind: "quickConnects", path: "QuickConnectConfig.UserConfig.ContactFlowId", target: "flows" },
  { kind: "quickConnects", path: "QuickConnectConfig.FlowConfig.ContactFlowId", target: "flows" },
  { kind: "users", path: "RoutingProfileId", target: "routingProfiles" },
  { kind: "users", path: "SecurityProfileIds[]", target: "securityProfiles" },
  { kind: "users", path: "HierarchyGroupId", target: "hierarchyGroups" },
  { kind: "hierarchyGroups", path: "ParentGroupId", target: "hierarchyGroups" },
  { kind: "securityProfiles", path: "AllowedAccessControlHierarchyGroupId", target: "hierarchyGroups" },
  { kind: "phoneNumbers", path: "ContactFlowId", target: "flows" },
];

/** The values at `path` inside `data` (strings only; missing parts yield nothing). */
export function valuesAt(data: unknown, path: string): string[] {
  let current: unknown[] = [data];
  for (const rawPart of path.split(".")) {
    const isArray = rawPart.endsWith("[]");
    const part = isArray ? rawPart.slice(0, -2) : rawPart;
    const next: unknown[] = [];
    for (const c of current) {
      if (!c || typeof c !== "object") continue;
      const v = part === "" ? c : (c as Record<string, unknown>)[part];
      if (isArray) {
        if (Array.isArray(v)) next.push(...v);
      } else if (v !== undefined && v !== null) next.push(v);
    }
    current = next;
  }
  return current.filter((v): v is string => typeof v === "string" && v.length > 0);
}

/** The last path segment of an ARN, or the value itself when it is a plain id. */
export function idOf(idOrArn: string): string {
  if (!idOrArn.startsWith("arn:")) return idOrArn;
  const i = idOrArn.lastIndexOf("/");
  return i >= 0 ? idOrArn.slice(i + 1) : idOrArn;
}
