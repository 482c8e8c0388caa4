/**
 * Whether an IAM role may perform an action on a resource, from the identity policies the stack
 * declares for it. Conditions are not evaluated: an Allow with conditions counts as allowing, a Deny
 * with conditions as not denying ("may call", not "will always be able to call").
 */
import type { PolicyResource } from "@pulumi/policy";
import { AwsType } from "../resource-types";
import { readArray, readProperty } from "./known-value";
import { referencedResources } from "./linked-resources";
import { type PolicyStatement, parsePolicyDocument } from "./policy-document";

// IAM wildcards: `*` any run of characters, `?` one character.
function globMatches(pattern: string, value: string, caseInsensitive: boolean): boolean {
    const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    return new RegExp(`^${escaped}$`, caseInsensitive ? "i" : "").test(value);
}

// Action names are case-insensitive, resource ARNs are not.
function statementMatches(statement: PolicyStatement, action: string, resource: string): boolean {
    const actionMatches =
        statement.notActions.length > 0
            ? !statement.notActions.some(p => globMatches(p, action, true))
            : statement.actions.some(p => globMatches(p, action, true));
    const resourceMatches =
        statement.notResources.length > 0
            ? !statement.notResources.some(p => globMatches(p, resource, false))
            : statement.resources.some(p => globMatches(p, resource, false));
    return actionMatches && resourceMatches;
}

/** True if the statements allow `action` on `resource` (an Allow matches and no unconditional Deny does). */
export function statementsAllow(statements: readonly PolicyStatement[], action: string, resource: string): boolean {
    const denied = statements.some(s => s.effect === "Deny" && Object.keys(s.condition).length === 0 && statementMatches(s, action, resource));
    return !denied && statements.some(s => s.effect === "Allow" && statementMatches(s, action, resource));
}

/** The identity policy statements of a role, or `known: false` when one of its policies cannot be read. */
export type RoleStatements = { readonly known: true; readonly statements: readonly PolicyStatement[] } | { readonly known: false };

/**
 * Every identity policy statement the stack gives `role`: its inline policies, `RolePolicy` resources
 * and the customer-managed `Policy` resources attached to it. An AWS-managed or foreign policy, or a
 * document unknown during preview, makes the answer unknown.
 */
export function roleStatements(role: PolicyResource, resources: readonly PolicyResource[]): RoleStatements {
    const documents: { known: boolean; value?: unknown }[] = [];
    const inline = readArray(role.props, "inlinePolicies");
    if (!inline.known) {
        return { known: false };
    }
    documents.push(...inline.value.map(entry => readProperty(entry, "policy")));
    const roleKeys = ["name", "id", "arn"];
    const targetsRole = (setting: PolicyResource) => referencedResources(setting, "role", readProperty(setting.props, "role"), [role], roleKeys).length > 0;
    for (const setting of resources.filter(r => r.type === AwsType.iamRolePolicy && targetsRole(r))) {
        documents.push(readProperty(setting.props, "policy"));
    }
    const managedPolicies = resources.filter(r => r.type === AwsType.iamPolicy);
    const attachedArns: { holder: PolicyResource; property: string; value: { known: boolean; value?: unknown } }[] = [];
    for (const attachment of resources.filter(r => r.type === AwsType.iamRolePolicyAttachment && targetsRole(r))) {
        attachedArns.push({ holder: attachment, property: "policyArn", value: readProperty(attachment.props, "policyArn") });
    }
    const managed = readArray(role.props, "managedPolicyArns");
    if (!managed.known) {
        return { known: false };
    }
    attachedArns.push(...managed.value.map(value => ({ holder: role, property: "managedPolicyArns", value: { known: true, value } })));
    for (const { holder, property, value } of attachedArns) {
        const [policy] = referencedResources(holder, property, value, managedPolicies, ["arn"]);
        if (!policy) {
            return { known: false };
        }
        documents.push(readProperty(policy.props, "policy"));
    }
    const statements: PolicyStatement[] = [];
    for (const document of documents) {
        if (!document.known) {
            return { known: false };
        }
        const parsed = parsePolicyDocument(document.value);
        if (parsed.ok) {
            statements.push(...parsed.statements);
        }
    }
    return { known: true, statements };
}
