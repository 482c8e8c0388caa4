import { z } from "zod";

/**
 * The restore mapping file. Everything is optional; without it Lambda functions keep their name
 * and move to the target Region/account, and phone numbers match by the same E.164 number.
 */
export const mappingSchema = z
  .object({
    /** Source Lambda ARN or function name -> target Lambda ARN. */
    lambda: z.record(z.string(), z.string().startsWith("arn:")).default({}),
    /** Source Lex ARN -> target Lex ARN (bot alias ARNs differ per Region). */
    lex: z.record(z.string(), z.string().startsWith("arn:")).default({}),
    /** Source account -> target account, for ARNs in accounts other than the instance's. */
    accounts: z.record(z.string().regex(/^\d+$/), z.string().regex(/^\d+$/)).default({}),
    /** Source E.164 number -> target E.164 number, for phone-number flow associations. */
    phoneNumbers: z.record(z.string(), z.string()).default({}),
    /**
     * Storage targets: source bucket name, stream/firehose ARN or KMS key -> the target's. A storage
     * config whose bucket, stream or key is not named here is not restored (the plan says so).
     */
    storage: z.record(z.string(), z.string().min(1)).default({}),
    /** Source integration ARN (Amazon Q, Cases, Voice ID, Pinpoint, ...) -> the target Region's. */
    integrations: z.record(z.string(), z.string().startsWith("arn:")).default({}),
    /** Where restore uploads prompt audio before CreatePrompt: an S3 bucket in the target account and Region. */
    prompts: z.object({ bucket: z.string().min(3), prefix: z.string().default("connect-dr/prompts/") }).strict().optional(),
  })
  .strict();

export type MappingFile = z.infer<typeof mappingSchema>;

export const EMPTY_MAPPING: MappingFile = { lambda: {}, lex: {}, accounts: {}, phoneNumbers: {}, storage: {}, integrations: {} };

/** Parses a mapping file's JSON; throws naming the offending key. */
export function parseMapping(json: unknown, file: string): MappingFile {
  const parsed = mappingSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}; allowed keys: lambda, lex, accounts, phoneNumbers, storage, integrations, prompts`,
    );
  }
  return parsed.data;
}
