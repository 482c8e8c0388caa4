import type { PolicyProviderResource } from "@pulumi/policy";
import { readProperty } from "./known-value";

const ROLE_ARN_ACCOUNT = /^arn:aws[a-z-]*:iam::(\d{12}):role\//;

/**
 * The account a resource is created in, from the role its provider assumes (the program creates one
 * provider per account and Region, each assuming a role in its account). Undefined when the provider
 * assumes no role or the role is not known: the ambient credentials decide, and the rule cannot tell.
 */
export function resourceAccount(provider: PolicyProviderResource | undefined): string | undefined {
    if (!provider) {
        return undefined;
    }
    const roles = readProperty(provider.props, "assumeRoles");
    const single = readProperty(provider.props, "assumeRole");
    for (const candidate of [roles, single]) {
        if (!candidate.known || candidate.value === undefined || candidate.value === null) {
            continue;
        }
        // The engine passes a provider's structured inputs as JSON strings.
        let value: unknown = candidate.value;
        if (typeof value === "string") {
            try {
                value = JSON.parse(value);
            } catch {
                continue;
            }
        }
        const first = Array.isArray(value) ? value[0] : value;
        const arn = readProperty(first, "roleArn");
        const match = arn.known && typeof arn.value === "string" ? ROLE_ARN_ACCOUNT.exec(arn.value) : null;
        if (match) {
            return match[1];
        }
    }
    return undefined;
}
