import { CONTROLS, type FrameworkControl } from "./frameworks";
import { readProperty } from "./inspection/known-value";
import { classifyKeyReference, customerManagedKeyProblem } from "./inspection/kms-key-reference";
import { type ConnectDrResourcePolicy, defineResourceRule } from "./rule-definition";

/** The encryption-at-rest controls every customer-managed-key rule serves. */
export const ENCRYPTION_AT_REST_CONTROLS: readonly FrameworkControl[] = [
    CONTROLS.gdpr.encryption,
    CONTROLS.hipaa.encryptionAtRest,
    CONTROLS.pciDss.storedDataUnreadable,
    CONTROLS.pciDss.keyProtection,
];

/** Shape of a rule that only asks "is this one property a customer-managed key?". */
export interface CustomerManagedKeyRuleDefinition {
    readonly name: string;
    readonly description: string;
    readonly resourceType: string;
    /** Human name of the resource in messages, e.g. "The SNS topic". */
    readonly subject: string;
    /** Input property holding the key id, key ARN or alias. */
    readonly keyProperty: string;
    readonly remediation: string;
    readonly controls?: readonly FrameworkControl[];
}

/**
 * Builds a mandatory rule requiring `keyProperty` to name a customer-managed key. Unknown values
 * (a key created in the same run) pass: the reference then points at a key this program manages.
 */
export function defineCustomerManagedKeyRule(definition: CustomerManagedKeyRuleDefinition): ConnectDrResourcePolicy {
    return defineResourceRule({
        name: definition.name,
        description: definition.description,
        enforcementLevel: "mandatory",
        remediation: definition.remediation,
        controls: definition.controls ?? ENCRYPTION_AT_REST_CONTROLS,
        resourceTypes: [definition.resourceType],
        validate: (args, report) => {
            const key = classifyKeyReference(readProperty(args.props, definition.keyProperty));
            const problem = customerManagedKeyProblem(definition.subject, definition.keyProperty, key);
            if (problem) {
                report(problem);
            }
        },
    });
}
