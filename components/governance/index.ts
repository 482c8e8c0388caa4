/**
 * Organization guardrails as SCP documents: pure functions from {@link GuardrailInput}.
 */
import { checkAttachmentBudget } from "./attachment-budget";
import { guardrailStatements } from "./guardrail-statements";
import { validateGuardrailInput, type GuardrailInput } from "./guardrail-input";
import { packDocuments } from "./pack-documents";
import { documentSize, minify, type ScpDocument } from "./policy-document";

export * from "./attachment-budget";
export * from "./global-services";
export * from "./guardrail-input";
export * from "./guardrail-statements";
export * from "./pack-documents";
export * from "./policy-document";

/** One SCP ready to submit. */
export interface GuardrailDocument {
  /** 1-based position; stable for a given input, used in resource names. */
  readonly index: number;
  readonly document: ScpDocument;
  /** Minified JSON: exactly what is submitted and measured. */
  readonly content: string;
  /** Characters as AWS counts them (`content.length`). */
  readonly size: number;
  readonly statementIds: readonly string[];
}

/**
 * Validates the input, builds every guardrail statement and packs them into documents of at most
 * 5,120 characters. With `targets`, also checks AWS's 5-direct-attachments limit per target.
 */
export function buildGuardrailDocuments(
  input: GuardrailInput,
  targets: readonly string[] = [],
  existingAttachments: Readonly<Record<string, number>> = {},
): GuardrailDocument[] {
  validateGuardrailInput(input);
  const documents = packDocuments(guardrailStatements(input)).map((document, i) => ({
    index: i + 1,
    document,
    content: minify(document),
    size: documentSize(document),
    statementIds: document.Statement.map((s) => s.Sid),
  }));
  checkAttachmentBudget(targets, documents.length, existingAttachments);
  return documents;
}
