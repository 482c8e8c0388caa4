/**
 * The resource kinds a backup holds, in the order they are listed in manifests and reports.
 * Each kind is stored as one JSON file per resource under `<kind>/`.
 */
export const KINDS = [
  "instance",
  "instanceAttributes",
  "storageConfigs",
  "integrations",
  "lambdaFunctions",
  "lexBots",
  "hours",
  "prompts",
  "queues",
  "flows",
  "flowModules",
  "routingProfiles",
  "quickConnects",
  "securityProfiles",
  "hierarchyStructure",
  "hierarchyGroups",
  "agentStatuses",
  "users",
  "phoneNumbers",
] as const;

export type Kind = (typeof KINDS)[number];

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

/**
 * Parses a comma-separated kind list. Throws an Error naming the bad value and the allowed ones.
 */
export function parseKinds(csv: string): Kind[] {
  const out: Kind[] = [];
  for (const raw of csv.split(",").map((s) => s.trim()).filter(Boolean)) {
    if (!isKind(raw)) throw new Error(`unknown kind "${raw}"; allowed: ${KINDS.join(", ")}`);
    if (!out.includes(raw)) out.push(raw);
  }
  if (out.length === 0) throw new Error(`no kinds given; allowed: ${KINDS.join(", ")}`);
  return out;
}

/** The Connect ARN path segment of each instance-scoped kind (`instance/<id>/<segment>/<id>`). */
export const ARN_SEGMENT: Partial<Record<Kind, string>> = {
  hours: "operating-hours",
  queues: "queue",
  flows: "contact-flow",
  flowModules: "flow-module",
  prompts: "prompt",
  routingProfiles: "routing-profile",
  quickConnects: "transfer-destination",
  securityProfiles: "security-profile",
  hierarchyGroups: "agent-group",
  agentStatuses: "agent-state",
  users: "agent",
};

/** Kinds whose resources this tool creates or updates on restore, in dependency order. */
export const RESTORABLE_KINDS: readonly Kind[] = [
  "instanceAttributes",
  "storageConfigs",
  "integrations",
  "lambdaFunctions",
  "lexBots",
  "hours",
  "prompts",
  "hierarchyStructure",
  "hierarchyGroups",
  "securityProfiles",
  "queues",
  "flows",
  "flowModules",
  "routingProfiles",
  "users",
  "quickConnects",
  "agentStatuses",
  "phoneNumbers",
];

/**
 * Kinds every instance already has, so restore only ever updates them: the instance attributes
 * (ListInstanceAttributes lists every type) and the one hierarchy structure.
 */
export const UPDATE_ONLY_KINDS: readonly Kind[] = ["instanceAttributes", "hierarchyStructure"];
