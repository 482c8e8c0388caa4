import type { PolicyResource } from "@pulumi/policy";
import { readProperty } from "./known-value";

/** Tag value on a resource's own `tags` input, if known. */
export function tagValue(resource: PolicyResource, key: string): string | undefined {
    const tags = readProperty(resource.props, "tags");
    if (!tags.known || tags.value === null || typeof tags.value !== "object") {
        return undefined;
    }
    const value = readProperty(tags.value, key);
    return value.known && typeof value.value === "string" ? value.value : undefined;
}
