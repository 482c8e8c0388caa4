import type { PolicyResource } from "@pulumi/policy";
import { AwsType } from "../resource-types";
import { type Read, readArray, readPath, readProperty } from "./known-value";
import { resourceRegion } from "./resource-region";

/** One place where a resource names the KMS key that encrypts (part of) it. */
export interface KeyReferenceSite {
    /** What the key encrypts, for messages: "serverSideEncryption.kmsKeyArn", "replica in eu-west-2", ... */
    readonly label: string;
    /** The key reference (key id, key ARN, alias), possibly unknown during preview. */
    readonly reference: Read<unknown>;
    /** Top-level input property the reference sits in; its property dependencies name the key resource. */
    readonly property: string;
    /** The Region the key must be in (KMS keys are regional); undefined if not known. */
    readonly region: string | undefined;
}

type SiteReader = (resource: PolicyResource, region: string | undefined) => KeyReferenceSite[];

const single = (path: readonly string[]): SiteReader => (resource, region) => [
    { label: path.join("."), reference: readPath(resource.props, path), property: path[0], region },
];

// Where each resource type keeps its key references (the same properties the CMK rules check).
const SITES: Readonly<Record<string, SiteReader>> = {
    [AwsType.logGroup]: single(["kmsKeyId"]),
    [AwsType.kinesisStream]: single(["kmsKeyId"]),
    [AwsType.snsTopic]: single(["kmsMasterKeyId"]),
    [AwsType.sqsQueue]: single(["kmsMasterKeyId"]),
    [AwsType.secret]: single(["kmsKeyId"]),
    [AwsType.lambdaFunction]: single(["kmsKeyArn"]),
    [AwsType.rdsInstance]: single(["kmsKeyId"]),
    [AwsType.dynamodbTableReplica]: single(["kmsKeyArn"]),
    [AwsType.rdsCluster]: single(["kmsKeyId"]),
    [AwsType.dynamodbTable]: (resource, region) => {
        const sites = single(["serverSideEncryption", "kmsKeyArn"])(resource, region);
        const replicas = readArray(resource.props, "replicas");
        for (const replica of replicas.known ? replicas.value : []) {
            const replicaRegion = readProperty(replica, "regionName");
            const name = replicaRegion.known && typeof replicaRegion.value === "string" ? replicaRegion.value : undefined;
            sites.push({ label: `replica in ${name ?? "(unknown Region)"}`, reference: readProperty(replica, "kmsKeyArn"), property: "replicas", region: name });
        }
        return sites;
    },
    [AwsType.bucketEncryption]: (resource, region) => {
        const rules = readArray(resource.props, "rules");
        return (rules.known ? rules.value : []).map(rule => ({
            label: "applyServerSideEncryptionByDefault.kmsMasterKeyId",
            reference: readPath(rule, ["applyServerSideEncryptionByDefault", "kmsMasterKeyId"]),
            property: "rules",
            region,
        }));
    },
    [AwsType.connectStorageConfig]: (resource, region) =>
        ["s3Config", "kinesisVideoStreamConfig"].map(target => ({
            label: `storageConfig.${target}.encryptionConfig.keyId`,
            reference: readPath(resource.props, ["storageConfig", target, "encryptionConfig", "keyId"]),
            property: "storageConfig",
            region,
        })),
};

/** The key references a resource makes, with the Region each key must be in. */
export function keyReferenceSites(resource: PolicyResource): KeyReferenceSite[] {
    const reader = SITES[resource.type];
    if (!reader) {
        return [];
    }
    const region = resourceRegion(resource.props, resource.provider);
    return reader(resource, "region" in region ? region.region : undefined);
}

/** Types whose key references are tracked (for tests and docs). */
export const KEY_REFERENCING_TYPES: readonly string[] = Object.keys(SITES);

