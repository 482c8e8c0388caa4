import type { PolicyResource } from "@pulumi/policy";

/** How stack-rule messages name a resource: its type's short name and its Pulumi name, e.g. `Table 'contacts'`. */
export function resourceLabel(resource: Pick<PolicyResource, "type" | "name">): string {
    return `${resource.type.split(":").pop()} '${resource.name}'`;
}
