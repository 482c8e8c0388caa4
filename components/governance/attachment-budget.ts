/**
 * AWS allows at most 5 SCPs attached directly to one root, OU or account. The AWS-managed
 * FullAWSAccess SCP is attached to every target by default and counts toward those 5. This project
 * keeps it attached (deny-list strategy: FullAWSAccess grants, the guardrails deny), so by default one
 * slot per target is already taken.
 */
import { SCP_MAX_DIRECT_ATTACHMENTS } from "./policy-document";

/** Default SCPs already attached to each target: AWS's FullAWSAccess. */
export const DEFAULT_EXISTING_ATTACHMENTS = 1;

/** A target (root `r-...`, OU `ou-...` or 12-digit account id) would exceed AWS's limit. */
export class AttachmentLimitError extends Error {
  constructor(
    readonly target: string,
    readonly count: number,
    readonly guardrails: number,
    readonly existing: number,
  ) {
    super(
      `target '${target}' would have ${count} SCPs attached directly (${guardrails} guardrail documents + ${existing} already attached, ` +
        `FullAWSAccess included); AWS allows at most ${SCP_MAX_DIRECT_ATTACHMENTS}: free a slot or reduce the guardrail documents`,
    );
    this.name = "AttachmentLimitError";
  }
}

/** What kind of Organizations target an id names, or undefined when it is none. */
export function targetKind(id: string): "root" | "organizational-unit" | "account" | undefined {
  if (/^r-[0-9a-z]{4,32}$/.test(id)) return "root";
  if (/^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/.test(id)) return "organizational-unit";
  if (/^\d{12}$/.test(id)) return "account";
  return undefined;
}

/**
 * Throws {@link AttachmentLimitError} for the first target whose direct attachments would exceed 5.
 * @param existing per-target count of SCPs attached outside this project; targets not listed get
 *   {@link DEFAULT_EXISTING_ATTACHMENTS}.
 */
export function checkAttachmentBudget(
  targets: readonly string[],
  guardrailDocuments: number,
  existing: Readonly<Record<string, number>> = {},
): void {
  for (const target of targets) {
    const already = existing[target] ?? DEFAULT_EXISTING_ATTACHMENTS;
    const count = guardrailDocuments + already;
    if (count > SCP_MAX_DIRECT_ATTACHMENTS) throw new AttachmentLimitError(target, count, guardrailDocuments, already);
  }
}
