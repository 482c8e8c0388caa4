import type { Read } from "./known-value";

/** What a KMS key reference on a resource says about who manages the key. */
export type KeyReference =
    | { readonly kind: "missing" }
    /** Computed by another resource during preview; the stack check or the deploy decides. */
    | { readonly kind: "unknown" }
    | { readonly kind: "aws-managed"; readonly reference: string }
    | { readonly kind: "customer-managed"; readonly reference: string };

// `alias/aws/<service>` alone or inside an alias ARN names a key that AWS owns and rotates on its
// own schedule; its key policy cannot be changed, so access to the data cannot be limited with it.
const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//;

/**
 * Classifies a key id, key ARN, alias name or alias ARN. A bare key id or key ARN could still be an
 * AWS-managed key; only the stack view (the key resource itself) can tell, and rules that have it use it.
 */
export function classifyKeyReference(value: Read<unknown>): KeyReference {
    if (!value.known) {
        return { kind: "unknown" };
    }
    const reference = value.value;
    if (typeof reference !== "string" || reference.trim() === "") {
        return { kind: "missing" };
    }
    return AWS_MANAGED_ALIAS.test(reference) ? { kind: "aws-managed", reference } : { kind: "customer-managed", reference };
}

/** The violation message for a key reference that is not a customer-managed key, or undefined if fine. */
export function customerManagedKeyProblem(subject: string, property: string, key: KeyReference): string | undefined {
    switch (key.kind) {
        case "missing":
            return `${subject} has no customer-managed KMS key: set \`${property}\`.`;
        case "aws-managed":
            return `${subject} uses the AWS-managed key '${key.reference}' in \`${property}\`; use a customer-managed key.`;
        default:
            return undefined;
    }
}
