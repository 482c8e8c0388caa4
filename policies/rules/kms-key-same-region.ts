import type { PolicyResource } from "@pulumi/policy";
import { ENCRYPTION_AT_REST_CONTROLS } from "../customer-managed-key-rule";
import { keyReferenceSites } from "../inspection/key-reference-sites";
import { resourceRegion } from "../inspection/resource-region";
import { AwsType } from "../resource-types";
import { defineStackRule } from "../rule-definition";

const KEY_TYPES: readonly string[] = [AwsType.kmsKey, AwsType.kmsReplicaKey];
const KMS_ARN_REGION = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):/;

/**
 * The stack-level view of key references: a key ARN from a key created in the same run is unknown
 * at preview, so resource rules let it pass; here the engine's property dependencies lead to the key
 * resource itself, and its provider says which Region it is in. KMS keys are regional, so a DR
 * replica (a DynamoDB replica, the secondary Region's log groups) needs a key, usually a multi-Region
 * replica key, in its own Region; pointing it at the primary Region's key fails the deploy.
 */
export const kmsKeySameRegion = defineStackRule({
    name: "kms-key-same-region",
    description: "Every customer-managed key a resource uses is in the same Region as the data it encrypts.",
    enforcementLevel: "mandatory",
    remediation:
        "Create the key with the provider of the resource's Region; for DR copies create an aws.kms.ReplicaKey of a " +
        "multi-Region key in the secondary Region and reference that.",
    controls: ENCRYPTION_AT_REST_CONTROLS,
    validate: (args, report) => {
        const byUrn = new Map(args.resources.map(r => [r.urn, r]));
        for (const resource of args.resources) {
            for (const site of keyReferenceSites(resource)) {
                if (site.region === undefined) {
                    continue;
                }
                const keyRegions = candidateKeyRegions(resource, site.property, site.reference, byUrn);
                if (keyRegions.length > 0 && !keyRegions.includes(site.region)) {
                    report(
                        `${resource.type.split(":").pop()} '${resource.name}' (${site.label}) is in ${site.region} but its key is in ` +
                            `${[...new Set(keyRegions)].join(", ")}.`,
                        resource.urn,
                    );
                }
            }
        }
    },
});

/**
 * Regions of the key(s) a reference can resolve to: from a known key ARN directly, else from the key
 * (or alias target) resources the property depends on. Empty when nothing can be resolved.
 */
function candidateKeyRegions(
    resource: PolicyResource,
    property: string,
    reference: { known: boolean; value?: unknown },
    byUrn: ReadonlyMap<string, PolicyResource>,
): string[] {
    if (reference.known) {
        if (typeof reference.value !== "string") {
            return [];
        }
        const fromArn = KMS_ARN_REGION.exec(reference.value);
        return fromArn ? [fromArn[1]] : [];
    }
    const regions: string[] = [];
    for (const dependency of resource.propertyDependencies[property] ?? []) {
        const key = dependency.type === AwsType.kmsAlias ? aliasTarget(dependency, byUrn) : dependency;
        if (key && KEY_TYPES.includes(key.type)) {
            const region = resourceRegion(key.props, key.provider);
            if ("region" in region) {
                regions.push(region.region);
            }
        }
    }
    return regions;
}

function aliasTarget(alias: PolicyResource, byUrn: ReadonlyMap<string, PolicyResource>): PolicyResource | undefined {
    return (alias.propertyDependencies.targetKeyId ?? []).map(d => byUrn.get(d.urn) ?? d).find(d => KEY_TYPES.includes(d.type));
}
