import { ARN_TOKEN, UUID_TOKEN } from "../references/content-references";
import { join, type Token } from "./template-model";

/** Resolves one ARN or bare id found in text: a token, replacement text, or undefined to keep it. */
export type TextResolver = (match: string, form: "arn" | "id") => string | Token | undefined;

/**
 * Turns text that embeds ARNs and ids (flow content is JSON text) into literal pieces and reference
 * tokens. ARNs are found the way restore finds them (cli/operations/references), so every reference
 * restore would rewrite becomes a template reference; text between them is kept byte for byte.
 */
export function templateText(text: string, resolve: TextResolver): string | Token {
  const parts: (string | Token)[] = [];
  const literal = (piece: string) => {
    let last = 0;
    for (const m of piece.matchAll(UUID_TOKEN)) {
      const r = resolve(m[0], "id");
      if (r === undefined) continue;
      parts.push(piece.slice(last, m.index), r);
      last = m.index! + m[0].length;
    }
    parts.push(piece.slice(last));
  };
  let last = 0;
  for (const m of text.matchAll(ARN_TOKEN)) {
    literal(text.slice(last, m.index));
    parts.push(resolve(m[0], "arn") ?? m[0]);
    last = m.index! + m[0].length;
  }
  literal(text.slice(last));
  return join(parts);
}
