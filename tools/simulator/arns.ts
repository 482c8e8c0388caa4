/**
 * Identifier and ARN minting and parsing in Amazon Connect's formats.
 *
 * Instance-scoped resources: `arn:aws:connect:<region>:<account>:instance/<instanceId>/<type>/<id>`.
 * Account-scoped resources (traffic distribution groups, phone numbers):
 * `arn:aws:connect:<region>:<account>:<type>/<id>`. Ids are random UUIDs, as the service mints.
 */
import { randomUUID } from "node:crypto";

/** The ARN resource-type segment of every instance-scoped resource family the simulator serves. */
export const INSTANCE_RESOURCE_TYPES = {
  queue: "queue",
  hoursOfOperation: "operating-hours",
  routingProfile: "routing-profile",
  contactFlow: "contact-flow",
  contactFlowModule: "flow-module",
  prompt: "prompt",
  quickConnect: "transfer-destination",
  securityProfile: "security-profile",
  hierarchyGroup: "agent-group",
  hierarchyLevel: "agent-group-level",
  agentStatus: "agent-state",
  user: "agent",
  contact: "contact",
  integrationAssociation: "integration-association",
} as const;

/** A resource family key of {@link INSTANCE_RESOURCE_TYPES}. */
export type InstanceResourceFamily = keyof typeof INSTANCE_RESOURCE_TYPES;

/** A fresh identifier (UUID v4, lower case), the format Connect uses for ids. */
export function newId(): string {
  return randomUUID();
}

/** `arn:aws:connect:<region>:<account>:instance/<instanceId>`. */
export function instanceArn(region: string, account: string, instanceId: string): string {
  return `arn:aws:connect:${region}:${account}:instance/${instanceId}`;
}

/** ARN of an instance-scoped resource, e.g. a queue. */
export function instanceResourceArn(region: string, account: string, instanceId: string, family: InstanceResourceFamily, id: string): string {
  return `${instanceArn(region, account, instanceId)}/${INSTANCE_RESOURCE_TYPES[family]}/${id}`;
}

/** `arn:aws:connect:<region>:<account>:traffic-distribution-group/<id>`. */
export function trafficDistributionGroupArn(region: string, account: string, id: string): string {
  return `arn:aws:connect:${region}:${account}:traffic-distribution-group/${id}`;
}

/** `arn:aws:connect:<region>:<account>:phone-number/<id>`. */
export function phoneNumberArn(region: string, account: string, id: string): string {
  return `arn:aws:connect:${region}:${account}:phone-number/${id}`;
}

/** A parsed Connect ARN. `resourceType`/`resourceId` are absent for the instance itself. */
export interface ParsedConnectArn {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  /** `instance`, `traffic-distribution-group` or `phone-number` at the top level. */
  readonly topType: string;
  readonly topId: string;
  /** For instance-scoped resources: the ARN type segment (e.g. `queue`) and id. */
  readonly resourceType?: string;
  readonly resourceId?: string;
}

const CONNECT_ARN = /^arn:(aws[a-z-]*):connect:([a-z0-9-]+):(\d+):([a-z-]+)\/([^/]+)(?:\/([a-z-]+)\/([^/]+))?$/;

/** Parses a Connect ARN; undefined for anything else (Lambda ARNs, placeholders, flow attributes). */
export function parseConnectArn(arn: string): ParsedConnectArn | undefined {
  const m = CONNECT_ARN.exec(arn);
  if (!m) return undefined;
  return {
    partition: m[1]!,
    region: m[2]!,
    account: m[3]!,
    topType: m[4]!,
    topId: m[5]!,
    ...(m[6] ? { resourceType: m[6], resourceId: m[7]! } : {}),
  };
}

/** The resource family for an ARN type segment, or undefined when the simulator does not model it. */
export function familyOfArnType(type: string): InstanceResourceFamily | undefined {
  for (const [family, segment] of Object.entries(INSTANCE_RESOURCE_TYPES)) {
    if (segment === type) return family as InstanceResourceFamily;
  }
  return undefined;
}
