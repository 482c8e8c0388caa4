/**
 * Packs statements into as few SCP documents as fit AWS's per-document character limit, splitting a
 * statement whose action (or resource) list alone is too large.
 */
import { SCP_MAX_CHARACTERS, documentOf, documentSize, type ScpDocument, type ScpStatement } from "./policy-document";

/** A statement that cannot fit one document even alone (a NotAction list cannot be split safely). */
export class StatementTooLargeError extends Error {
  constructor(
    readonly sid: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(
      `SCP statement '${sid}' is ${size} characters as a minified document; at most ${limit} are allowed per SCP, ` +
        `and it cannot be split (NotAction lists and single actions/resources are indivisible): shorten it`,
    );
    this.name = "StatementTooLargeError";
  }
}

function sizeAlone(statement: ScpStatement): number {
  return documentSize(documentOf([statement]));
}

/**
 * Splits one statement into several whose documents each fit `limit`. Splitting `Action` (or
 * `Resource`) preserves meaning for a Deny: denying the union equals denying each part. `NotAction`
 * is never split: each part would deny everything outside its own part, a far wider deny.
 */
export function splitStatement(statement: ScpStatement, limit = SCP_MAX_CHARACTERS): ScpStatement[] {
  if (sizeAlone(statement) <= limit) return [statement];
  const field = largestSplittableField(statement);
  if (!field) throw new StatementTooLargeError(statement.Sid, sizeAlone(statement), limit);
  const values = statement[field] as readonly string[];
  const make = (part: readonly string[], n: number): ScpStatement => ({ ...statement, Sid: `${statement.Sid}${n}`, [field]: part });
  const chunks: string[][] = [];
  let current: string[] = [];
  for (const value of values) {
    const candidate = [...current, value];
    // Measure with the widest Sid suffix the split could produce so the final Sid never overflows.
    if (current.length > 0 && sizeAlone(make(candidate, values.length)) > limit) {
      chunks.push(current);
      current = [value];
    } else {
      current = candidate;
    }
  }
  chunks.push(current);
  // A part still too large (its other list is the big one) is split again on that list.
  return chunks.flatMap((part, i) => {
    const piece = make(part, i + 1);
    if (sizeAlone(piece) <= limit) return [piece];
    if (part.length > 1 || !largestSplittableField({ ...piece, [field]: [] })) throw new StatementTooLargeError(piece.Sid, sizeAlone(piece), limit);
    return splitStatement(piece, limit);
  });
}

/** The Action or Resource list (never NotAction) taking the most characters, if it has 2+ entries. */
function largestSplittableField(statement: ScpStatement): "Action" | "Resource" | undefined {
  if (statement.NotAction) return undefined;
  const candidates = (["Action", "Resource"] as const).filter((f) => Array.isArray(statement[f]) && (statement[f] as readonly string[]).length > 1);
  return candidates.sort((a, b) => JSON.stringify(statement[b]).length - JSON.stringify(statement[a]).length)[0];
}

/**
 * First-fit packing in statement order: each statement goes to the first document it fits, so the
 * result is deterministic and a small input change moves few statements.
 */
export function packDocuments(statements: readonly ScpStatement[], limit = SCP_MAX_CHARACTERS): ScpDocument[] {
  const bins: ScpStatement[][] = [];
  for (const statement of statements.flatMap((s) => splitStatement(s, limit))) {
    const bin = bins.find((b) => documentSize(documentOf([...b, statement])) <= limit);
    if (bin) bin.push(statement);
    else bins.push([statement]);
  }
  return bins.map((b) => documentOf(b));
}
