import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { type FrameworkSelection, packConfigFor } from "../../../policies/pack-config";
import { POLICIES } from "../../../policies/registry";
import type { MockCloud } from "../../../tools/synthesis/mock-cloud";
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

/**
 * Every violation every rule of the pack finds in `resources`: at each rule's default config, or with
 * the pack config `packConfigFor(selection)` writes. Resource rules' findings read
 * `<rule> <resource>: <message>`, stack rules' `<rule>: <message>`.
 */
export async function packViolations(resources: readonly HarnessResource[], selection?: FrameworkSelection): Promise<string[]> {
  const config = selection ? (packConfigFor(selection) as Record<string, Record<string, unknown>>) : {};
  const found: string[] = [];
  for (const policy of POLICIES as ReadonlyArray<ResourceValidationPolicy | StackValidationPolicy>) {
    const options = { config: config[policy.name] };
    if ("validateStack" in policy) {
      for (const v of (await runStackPolicy(policy, resources, options)).violations) found.push(`${policy.name}: ${v.message}`);
    } else {
      for (const resource of resources) {
        for (const v of (await runResourcePolicy(policy, resource, options)).violations) found.push(`${policy.name} ${resource.name}: ${v.message}`);
      }
    }
  }
  return found;
}
