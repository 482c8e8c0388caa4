import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { POLICIES } from "../../../policies/registry";
import type { MockCloud } from "../../../synthesis/mock-cloud";
import { HarnessResource, runResourcePolicy, runStackPolicy } from "./policy-harness";

/**
 * What MockCloud recorded, as policy-harness resources: state (inputs plus id and arn, which rules use
 * to pair settings with buckets) and the provider's Region.
 */
export function harnessResources(cloud: MockCloud): HarnessResource[] {
  return cloud.resources
    .filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"))
    .map((r) => ({ type: r.type, name: r.name, props: r.state, provider: { name: r.providerName, props: { region: r.region } } }));
}

/** Every violation every rule of the pack (at its default config) finds in `resources`. */
export async function packViolations(resources: readonly HarnessResource[]): Promise<string[]> {
  const found: string[] = [];
  for (const policy of POLICIES as ReadonlyArray<ResourceValidationPolicy | StackValidationPolicy>) {
    if ("validateStack" in policy) {
      for (const v of (await runStackPolicy(policy, resources)).violations) found.push(`${policy.name}: ${v.message}`);
    } else {
      for (const resource of resources) {
        for (const v of (await runResourcePolicy(policy, resource)).violations) found.push(`${policy.name} ${resource.name}: ${v.message}`);
      }
    }
  }
  return found;
}
