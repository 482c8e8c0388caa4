/**
 * A compliant recordings bucket as a stack of @pulumi/aws v7 resources, the way preview sends them:
 * each setting's `bucket` is `bucket.id`, unknown until the bucket exists, with the engine's
 * property dependency naming the bucket. Specs replace one piece to make it fail one way.
 */
import { type HarnessResource, UNKNOWN_STRING, urnOf } from "./policy-harness";

export const BUCKET_TYPE = "aws:s3/bucket:Bucket";
export const KEY_ARN = "arn:aws:kms:eu-central-1:111111111111:key/0b0d7ad5-1111-2222-3333-444455556666";

/** URN of the bucket named `name`. */
export function bucketUrn(name: string): string {
    return urnOf(BUCKET_TYPE, name);
}

/** The bucket itself; `tags` decide whether it holds recordings. */
export function bucket(name: string, tags: Record<string, string> = { "connect-dr:data-class": "recordings" }): HarnessResource {
    return { type: BUCKET_TYPE, name, props: { bucket: `${name}-a1b2c3d`, tags } };
}

/** A settings resource targeting `bucketName` through an unknown `bucket.id` and its dependency. */
export function setting(type: string, bucketName: string, role: string, props: Record<string, unknown>): HarnessResource {
    return {
        type,
        name: `${bucketName}-${role}`,
        props: { bucket: UNKNOWN_STRING, ...props },
        propertyDependencies: { bucket: [bucketUrn(bucketName)] },
        dependencies: [bucketUrn(bucketName)],
    };
}

export const encryption = (b: string, rule: Record<string, unknown> = { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN }) =>
    setting("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", b, "encryption", {
        rules: [{ applyServerSideEncryptionByDefault: rule, bucketKeyEnabled: true }],
    });

export const versioning = (b: string, status = "Enabled") =>
    setting("aws:s3/bucketVersioning:BucketVersioning", b, "versioning", { versioningConfiguration: { status } });

export const publicAccessBlock = (b: string, overrides: Record<string, boolean> = {}) =>
    setting("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", b, "public-access-block", {
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
        ...overrides,
    });

export const TLS_ONLY_STATEMENT = {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: ["arn:aws:s3:::rec", "arn:aws:s3:::rec/*"],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
};

export const bucketPolicy = (b: string, statements: Record<string, unknown>[] = [TLS_ONLY_STATEMENT]) =>
    setting("aws:s3/bucketPolicy:BucketPolicy", b, "policy", { policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) });

export const RTC_RULE = {
    id: "recordings-to-dr",
    status: "Enabled",
    destination: {
        bucket: "arn:aws:s3:::rec-dr",
        replicationTime: { status: "Enabled", time: { minutes: 15 } },
        metrics: { status: "Enabled", eventThreshold: { minutes: 15 } },
    },
};

export const replication = (b: string, rules: Record<string, unknown>[] = [RTC_RULE]) =>
    setting("aws:s3/bucketReplicationConfig:BucketReplicationConfig", b, "replication", { role: "arn:aws:iam::111111111111:role/r", rules });

/** Every piece of a compliant recordings bucket named `name`. */
export function compliantBucketStack(name = "recordings"): HarnessResource[] {
    return [bucket(name), encryption(name), versioning(name), publicAccessBlock(name), bucketPolicy(name), replication(name)];
}

/** The stack with the setting of `type` replaced (or removed when `replacement` is undefined). */
export function replacing(stack: HarnessResource[], type: string, replacement?: HarnessResource): HarnessResource[] {
    return stack.flatMap(r => (r.type === type ? (replacement ? [replacement] : []) : [r]));
}
