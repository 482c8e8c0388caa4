import type { PolicyProviderResource } from "@pulumi/policy";
import { type Read, readProperty } from "./known-value";

// Services whose resources are global (no Region). Tokens are `aws:<module>/<member>:<Type>`.
const GLOBAL_MODULES = new Set(["iam", "organizations", "cloudfront", "globalaccelerator", "budgets", "shield", "waf", "account", "costexplorer"]);
// Route 53 is global except its Resolver and a few regional members, which share the module.
const REGIONAL_ROUTE53_MEMBER = /^(resolver|profiles)/;

/** True for resource types that live in a Region (the data-residency rule checks only these). */
export function isRegionalAwsType(type: string): boolean {
    const match = /^aws:([^/]+)\/([^:]+):/.exec(type);
    if (!match) {
        return false;
    }
    const [, module, member] = match;
    if (module === "route53") {
        return REGIONAL_ROUTE53_MEMBER.test(member);
    }
    return !GLOBAL_MODULES.has(module);
}

/** Where the Region of a resource came from. */
export type ResourceRegion =
    | { readonly source: "resource" | "provider"; readonly region: string }
    | { readonly source: "unknown" }
    | { readonly source: "none" };

/**
 * The Region a resource is created in: its own `region` argument (new in @pulumi/aws v7) wins, else
 * its provider's `region` input. The engine sends the provider's inputs with every Analyze request.
 */
export function resourceRegion(props: unknown, provider: PolicyProviderResource | undefined): ResourceRegion {
    const own = readProperty(props, "region");
    const fromOwn = asRegion(own, "resource");
    if (fromOwn) {
        return fromOwn;
    }
    if (provider) {
        const fromProvider = asRegion(readProperty(provider.props, "region"), "provider");
        if (fromProvider) {
            return fromProvider;
        }
    }
    return { source: "none" };
}

function asRegion(value: Read<unknown>, source: "resource" | "provider"): ResourceRegion | undefined {
    if (!value.known) {
        return { source: "unknown" };
    }
    return typeof value.value === "string" && value.value !== "" ? { source, region: value.value } : undefined;
}
