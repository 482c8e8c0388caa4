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
  })
  .strict();

export type MappingFile = z.infer<typeof mappingSchema>;

export const EMPTY_MAPPING: MappingFile = { lambda: {}, lex: {}, accounts: {}, phoneNumbers: {} };

/** Parses a mapping file's JSON; throws naming the offending key. */
export function parseMapping(json: unknown, file: string): MappingFile {
  const parsed = mappingSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}; allowed keys: lambda, lex, accounts, phoneNumbers`,
    );
  }
  return parsed.data;
}
