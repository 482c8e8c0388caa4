import type { Kind } from "../model/kinds";

/**
 * Resources every new Amazon Connect instance comes with (Amazon Connect Administrator Guide,
 * "Default ..." pages; the same set the project's simulator provides). A template cannot create
 * them in another instance (the names are taken there), so the export references the target's own
 * copy through a parameter (CloudFormation) or a data source (Terraform) instead.
 */
export const STOCK_NAMES: Partial<Record<Kind, readonly string[]>> = {
  hours: ["Basic Hours"],
  queues: ["BasicQueue"],
  routingProfiles: ["Basic Routing Profile"],
  flows: [
    "Default agent hold", "Default agent transfer", "Default agent whisper", "Default customer hold", "Default customer queue",
    "Default customer whisper", "Default outbound", "Default queue transfer", "Sample inbound flow (first contact experience)",
  ],
  prompts: [
    "Beep.wav", "CustomerHold.wav", "CustomerQueue.wav", "Music_Jazz_MyTimeLapse_Inter.wav", "Music_Pop_ThisAndThatIsLife_Inter.wav",
    "Music_Rock_EverywhereTheSunShines_Inter.wav",
  ],
  securityProfiles: ["Admin", "Agent", "CallCenterManager", "QualityAnalyst"],
};

/** Agent status types the instance owns (Available, Offline); only CUSTOM statuses can be created. */
export const SYSTEM_AGENT_STATUS_TYPES = new Set(["ROUTABLE", "OFFLINE"]);

export function isStock(kind: Kind, name: string, data: Record<string, unknown>): boolean {
  if (kind === "agentStatuses") return SYSTEM_AGENT_STATUS_TYPES.has(String(data.Type ?? ""));
  return STOCK_NAMES[kind]?.includes(name) ?? false;
}
