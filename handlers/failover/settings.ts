import { z } from "zod";

/**
 * The failover handler's settings, from its Lambda environment (set by the FailoverAutomation
 * component). Parsed once per cold start; a bad value names the variable.
 */
const schema = z.object({
  GROUP_ARN: z.string().regex(/^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:traffic-distribution-group\//, "a traffic distribution group ARN"),
  PAIR: z
    .string()
    .transform((s) => s.split(","))
    .pipe(z.tuple([z.string().min(1), z.string().min(1)])),
  LOCK_TABLE: z.string().min(3),
  COOLDOWN_SECONDS: z.coerce.number().int().min(0).max(86_400),
  TOPIC_ARN: z.string().startsWith("arn:"),
  /** JSON object: Region -> name of that Region's health composite alarm. */
  HEALTH_ALARMS: z.string().transform((s, ctx) => {
    try {
      return z.record(z.string(), z.string()).parse(JSON.parse(s));
    } catch {
      ctx.addIssue({ code: "custom", message: "a JSON object of Region -> alarm name" });
      return z.NEVER;
    }
  }),
  /**
   * JSON object: name of a peer-liveness alarm in this Region -> the Region it declares unreachable
   * (the dark-Region detector's alarms). @default none
   */
  LIVENESS_ALARMS: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return {};
      try {
        return z.record(z.string(), z.string()).parse(JSON.parse(s));
      } catch {
        ctx.addIssue({ code: "custom", message: "a JSON object of alarm name -> Region" });
        return z.NEVER;
      }
    }),
  /** Optional JSON WeightedRecord for Route 53 weights that follow the distribution. */
  DNS_RECORD: z.string().optional(),
});

export type HandlerSettings = z.infer<typeof schema>;

export function readHandlerSettings(env: NodeJS.ProcessEnv): HandlerSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: found ${JSON.stringify(env[String(i.path[0])])}; ${i.message}`);
    throw new Error(`failover handler misconfigured:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
