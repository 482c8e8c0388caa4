import type { PolicyResource } from "@pulumi/policy";
import { readProperty } from "./known-value";

/** Candidates one of whose known `keys` (e.g. `arn`, `name`, `id`) equals `value`. */
export function matchingByValue(value: unknown, candidates: readonly PolicyResource[], keys: readonly string[]): PolicyResource[] {
    if (typeof value !== "string" || value === "") {
        return [];
    }
    return candidates.filter(candidate =>
        keys.some(key => {
            const own = readProperty(candidate.props, key);
            return own.known && own.value === value;
        }),
    );
}

/**
 * The resources of `candidates` a reference points at: by its known value (an ARN or name, which may
 * also come from another stack), else by the engine's property dependencies of `property` (during
 * preview `bucket.arn` is unknown but its dependency is not). Property dependencies are per top-level
 * input, so for a value nested in a list they may name the candidates of every element.
 */
export function referencedResources(
    resource: PolicyResource,
    property: string,
    value: { readonly known: boolean; readonly value?: unknown },
    candidates: readonly PolicyResource[],
    keys: readonly string[],
): PolicyResource[] {
    if (value.known) {
        const byValue = matchingByValue(value.value, candidates, keys);
        if (byValue.length > 0) {
            return byValue;
        }
    }
    const dependencies = resource.propertyDependencies[property] ?? [];
    return candidates.filter(c => dependencies.some(d => d.urn === c.urn));
}
