import { z } from "zod";

/**
 * The peer probe's settings, from its Lambda environment (set by the PeerProbe component). Parsed once
 * per cold start; a bad value names the variable.
 */
const schema = z.object({
  /** The Region probed: the other Region of the pair. */
  PEER_REGION: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, "an AWS Region code"),
  /** The instance id, the same in both Regions (ACGR). */
  INSTANCE_ID: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "an instance id (UUID)"),
  /** JSON list of the peer's SIP endpoints: [{ "name", "host", "port" }]. */
  SIP_ENDPOINTS: z.string().transform((s, ctx) => {
    try {
      return z.array(z.object({ name: z.string().min(1), host: z.string().min(1), port: z.number().int().min(1).max(65535) })).parse(JSON.parse(s));
    } catch {
      ctx.addIssue({ code: "custom", message: 'a JSON list of { "name", "host", "port" }' });
      return z.NEVER;
    }
  }),
  /** Per check, in milliseconds. */
  TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000),
  /** Connect endpoint of the peer Region. @default the public endpoint */
  PEER_CONNECT_ENDPOINT: z.string().url().optional(),
});

export type ProbeSettings = z.infer<typeof schema>;

export function readProbeSettings(env: NodeJS.ProcessEnv): ProbeSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: found ${JSON.stringify(env[String(i.path[0])])}; ${i.message}`);
    throw new Error(`peer probe misconfigured:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
