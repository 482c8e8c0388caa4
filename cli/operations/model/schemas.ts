import { z } from "zod";
import { KINDS, type Kind } from "./kinds";

const jsonText = z.string().refine(
  (s) => {
    try {
      JSON.parse(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: "Content must be a JSON document" },
);
const time = z.object({ Hours: z.number().int().min(0).max(24), Minutes: z.number().int().min(0).max(59) });
const tags = z.record(z.string(), z.string()).optional();

/** The shape each kind's `data` must have. Loose: unknown (new) API fields are kept, not rejected. */
export const DATA_SCHEMAS: Record<Kind, z.ZodType> = {
  instance: z.object({ Id: z.string(), Arn: z.string() }).loose(),
  instanceAttributes: z.object({ AttributeType: z.string(), Value: z.string() }).loose(),
  storageConfigs: z.object({ ResourceType: z.string(), StorageType: z.string() }).loose(),
  integrations: z.object({ IntegrationAssociationId: z.string(), IntegrationType: z.string(), IntegrationArn: z.string() }).loose(),
  lambdaFunctions: z.object({ FunctionArn: z.string().startsWith("arn:") }).loose(),
  lexBots: z.union([
    z.object({ LexBot: z.object({ Name: z.string(), LexRegion: z.string() }).loose() }).loose(),
    z.object({ LexV2Bot: z.object({ AliasArn: z.string() }).loose() }).loose(),
  ]),
  hours: z
    .object({
      Name: z.string().min(1),
      TimeZone: z.string().min(1),
      Config: z.array(z.object({ Day: z.string(), StartTime: time, EndTime: time }).loose()),
      Tags: tags,
    })
    .loose(),
  prompts: z.object({ Name: z.string().min(1), PromptId: z.string() }).loose(),
  queues: z
    .object({
      Name: z.string().min(1),
      QueueId: z.string(),
      HoursOfOperationId: z.string(),
      QuickConnects: z.array(z.object({ Id: z.string() }).loose()).optional(),
      Tags: tags,
    })
    .loose(),
  flows: z.object({ Name: z.string().min(1), Id: z.string(), Type: z.string(), Content: jsonText, Tags: tags }).loose(),
  flowModules: z.object({ Name: z.string().min(1), Id: z.string(), Content: jsonText, Tags: tags }).loose(),
  routingProfiles: z
    .object({
      Name: z.string().min(1),
      RoutingProfileId: z.string(),
      DefaultOutboundQueueId: z.string(),
      MediaConcurrencies: z.array(z.object({ Channel: z.string(), Concurrency: z.number() }).loose()),
      QueueConfigs: z.array(z.object({ QueueId: z.string(), Channel: z.string(), Priority: z.number(), Delay: z.number() }).loose()).optional(),
      Tags: tags,
    })
    .loose(),
  quickConnects: z
    .object({ Name: z.string().min(1), QuickConnectId: z.string(), QuickConnectConfig: z.object({ QuickConnectType: z.string() }).loose(), Tags: tags })
    .loose(),
  securityProfiles: z.object({ SecurityProfileName: z.string().min(1), Id: z.string(), Permissions: z.array(z.string()).optional() }).loose(),
  hierarchyStructure: z.object({}).loose(),
  hierarchyGroups: z.object({ Name: z.string(), Id: z.string() }).loose(),
  agentStatuses: z.object({ Name: z.string().min(1), AgentStatusId: z.string(), State: z.string().optional() }).loose(),
  users: z
    .object({ Username: z.string().min(1), Id: z.string(), RoutingProfileId: z.string(), SecurityProfileIds: z.array(z.string()) })
    .loose()
    .refine((u) => !("Password" in u), { message: "users must never carry a Password" }),
  phoneNumbers: z.object({ PhoneNumber: z.string(), PhoneNumberId: z.string() }).loose(),
};

export const recordSchema = z.object({
  kind: z.enum(KINDS),
  id: z.string().min(1),
  name: z.string(),
  arn: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
});

/** Problems with one record, as `path: message` strings (empty when valid). */
export function validateRecord(kind: Kind, value: unknown): string[] {
  const env = recordSchema.safeParse(value);
  if (!env.success) return env.error.issues.map((i) => `${i.path.join(".") || "(record)"}: ${i.message}`);
  if (env.data.kind !== kind) return [`kind: expected "${kind}", found "${env.data.kind}"`];
  const data = DATA_SCHEMAS[kind].safeParse(env.data.data);
  if (!data.success) return data.error.issues.map((i) => `data.${i.path.join(".")}: ${i.message}`);
  return [];
}
