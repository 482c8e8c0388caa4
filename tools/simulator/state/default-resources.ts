/**
 * The resources a new Amazon Connect instance comes with: Basic Hours, BasicQueue, the Basic
 * Routing Profile, the default flows of each type, the stock prompts, the four stock security
 * profiles and the Available/Offline agent statuses. Backup and restore code must cope with these
 * (they exist in every instance and cannot be recreated by name), so the simulator provides them.
 */
import { newId } from "../arns";
import type { FlowRecord, MirroredConfig, ResourceBase } from "./model";

/** Minimal valid flow language content: one action that disconnects. */
export const MINIMAL_FLOW_CONTENT = JSON.stringify({
  Version: "2019-10-30",
  StartAction: "00000000-0000-4000-8000-000000000001",
  Metadata: {},
  Actions: [{ Identifier: "00000000-0000-4000-8000-000000000001", Type: "DisconnectParticipant", Parameters: {}, Transitions: {} }],
});

const DEFAULT_FLOWS: readonly [string, string][] = [
  ["Default agent hold", "AGENT_HOLD"],
  ["Default agent transfer", "AGENT_TRANSFER"],
  ["Default agent whisper", "AGENT_WHISPER"],
  ["Default customer hold", "CUSTOMER_HOLD"],
  ["Default customer queue", "CUSTOMER_QUEUE"],
  ["Default customer whisper", "CUSTOMER_WHISPER"],
  ["Default outbound", "OUTBOUND_WHISPER"],
  ["Default queue transfer", "QUEUE_TRANSFER"],
  ["Sample inbound flow (first contact experience)", "CONTACT_FLOW"],
];

const DEFAULT_PROMPTS = [
  "Beep.wav",
  "CustomerHold.wav",
  "CustomerQueue.wav",
  "Music_Jazz_MyTimeLapse_Inter.wav",
  "Music_Pop_ThisAndThatIsLife_Inter.wav",
  "Music_Rock_EverywhereTheSunShines_Inter.wav",
];

const SECURITY_PROFILES: readonly [string, string[]][] = [
  ["Admin", ["BasicAgentAccess", "OutboundCallAccess", "Users.View", "Users.Edit", "RoutingPolicies.View", "RoutingPolicies.Edit", "ContactFlows.View", "ContactFlows.Edit"]],
  ["Agent", ["BasicAgentAccess", "OutboundCallAccess"]],
  ["CallCenterManager", ["BasicAgentAccess", "OutboundCallAccess", "Users.View", "RoutingPolicies.View", "Queues.View"]],
  ["QualityAnalyst", ["BasicAgentAccess", "ContactSearch.View", "MetricsReports.View"]],
];

/** Adds the stock resources to an instance's (empty) mirrored config. */
export function addDefaultResources(config: MirroredConfig, region: string, now: Date): void {
  const base = (name: string): ResourceBase => ({ id: newId(), name, tags: {}, lastModifiedTime: now, lastModifiedRegion: region });
  const hours = { ...base("Basic Hours"), description: "Basic Hours", timeZone: "UTC", config: (["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"] as const).map((Day) => ({ Day, StartTime: { Hours: 0, Minutes: 0 }, EndTime: { Hours: 0, Minutes: 0 } })) };
  config.hours.set(hours.id, hours);
  const queue = { ...base("BasicQueue"), description: "A simple, basic voice queue.", queueType: "STANDARD" as const, hoursOfOperationId: hours.id, status: "ENABLED" as const, quickConnectIds: [] };
  config.queues.set(queue.id, queue);
  const profile = {
    ...base("Basic Routing Profile"),
    description: "A simple, basic routing profile.",
    defaultOutboundQueueId: queue.id,
    mediaConcurrencies: [{ Channel: "VOICE" as const, Concurrency: 1 }, { Channel: "CHAT" as const, Concurrency: 2 }, { Channel: "TASK" as const, Concurrency: 10 }],
    queueConfigs: ["VOICE", "CHAT", "TASK"].map((channel) => ({ queueId: queue.id, channel, priority: 1, delay: 0 })),
    isDefault: true,
  };
  config.routingProfiles.set(profile.id, profile);
  for (const [name, type] of DEFAULT_FLOWS) {
    const flow: FlowRecord = { ...base(name), type, state: "ACTIVE", status: "PUBLISHED", content: MINIMAL_FLOW_CONTENT };
    config.flows.set(flow.id, flow);
  }
  for (const name of DEFAULT_PROMPTS) {
    const prompt = base(name);
    config.prompts.set(prompt.id, prompt);
  }
  for (const [name, permissions] of SECURITY_PROFILES) {
    const profileRecord = { ...base(name), permissions, applications: [] };
    config.securityProfiles.set(profileRecord.id, profileRecord);
  }
  const available = { ...base("Available"), type: "ROUTABLE" as const, displayOrder: 1, state: "ENABLED" as const };
  const offline = { ...base("Offline"), type: "OFFLINE" as const, displayOrder: 2, state: "ENABLED" as const };
  config.agentStatuses.set(available.id, available);
  config.agentStatuses.set(offline.id, offline);
}
