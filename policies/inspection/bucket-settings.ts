import type { PolicyResource } from "@pulumi/policy";
import { BUCKET_TYPES } from "../resource-types";
import { readProperty } from "./known-value";

/** A bucket and the separate settings resources (@pulumi/aws v7) that target it. */
export interface BucketWithSettings {
    readonly bucket: PolicyResource;
    /** Settings resources of the asked-for types whose `bucket` points at this bucket. */
    readonly settings: readonly PolicyResource[];
}

/**
 * Pairs each bucket in the stack with the settings resources of `settingTypes` that target it. A
 * setting's `bucket` input is usually `bucket.id`, unknown during preview, so the pairing first uses
 * the engine's property dependencies (the URNs `bucket` was computed from) and then falls back to
 * matching a known value against the bucket's name or id.
 */
export function bucketsWithSettings(resources: readonly PolicyResource[], settingTypes: readonly string[]): BucketWithSettings[] {
    const buckets = resources.filter(r => BUCKET_TYPES.includes(r.type));
    const settings = resources.filter(r => settingTypes.includes(r.type));
    return buckets.map(bucket => ({
        bucket,
        settings: settings.filter(setting => targetsBucket(setting, bucket)),
    }));
}

function targetsBucket(setting: PolicyResource, bucket: PolicyResource): boolean {
    const dependencies = setting.propertyDependencies.bucket ?? [];
    if (dependencies.some(d => d.urn === bucket.urn)) {
        return true;
    }
    const target = readProperty(setting.props, "bucket");
    if (!target.known || typeof target.value !== "string") {
        return false;
    }
    return [readProperty(bucket.props, "bucket"), readProperty(bucket.props, "id")].some(
        name => name.known && name.value === target.value,
    );
}

const S3_BUCKET_ARN = /^arn:aws[a-z-]*:s3:::([^/]+)$/;

/** The bucket of `buckets` a known bucket ARN names: by its `arn`, or by the name in the ARN. */
export function bucketWithArn(arn: unknown, buckets: readonly PolicyResource[]): PolicyResource | undefined {
    if (typeof arn !== "string") {
        return undefined;
    }
    const name = S3_BUCKET_ARN.exec(arn)?.[1];
    return buckets.find(bucket =>
        ([["arn", arn], ["bucket", name], ["id", name]] as const).some(([key, expected]) => {
            const own = readProperty(bucket.props, key);
            return expected !== undefined && own.known && own.value === expected;
        }),
    );
}
