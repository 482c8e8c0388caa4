/**
 * A Region's data and its vault copies as CONTRACTS C describes them: Connect's CTR and agent-event
 * Kinesis streams (tagged), a Firehose delivery stream per stream writing (extended_s3) to the
 * contact-records bucket, which replicates with RTC to a vault bucket in the other Region; and the
 * recordings bucket with its own vault. Values are as preview sends them: ARNs of resources created
 * in the same run are unknown, their property dependencies name the resources.
 */
import { type HarnessResource, UNKNOWN_STRING, urnOf } from "./policy-harness";
import { BUCKET_TYPE, bucket, bucketUrn, replication, RTC_RULE } from "./s3-fixtures";

export const HOME = "us-east-1";
export const VAULT_REGION = "us-west-2";
const provider = (region: string, account = "111122223333") => ({ name: `${account}-${region}`, props: { region } });

export const STREAM_TYPE = "aws:kinesis/stream:Stream";
export const FIREHOSE_TYPE = "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream";

/** A bucket of `dataClass` in `region`. */
export const classBucket = (name: string, dataClass: string | undefined, region: string): HarnessResource => ({
    ...bucket(name, dataClass ? { "connect-dr:data-class": dataClass } : {}),
    provider: provider(region, region === HOME ? "111122223333" : "777788889999"),
});

/** `source` replicating with RTC to `destination` (unknown ARN, property dependency). */
export const replicatingTo = (source: string, destination: string, rule: Record<string, unknown> = RTC_RULE): HarnessResource => {
    const config = replication(source, [{ ...rule, destination: { ...(rule.destination as object), bucket: UNKNOWN_STRING } }]);
    return { ...config, propertyDependencies: { ...config.propertyDependencies, rules: [bucketUrn(destination)] } };
};

export const stream = (name: string, dataClass: string | undefined): HarnessResource => ({
    type: STREAM_TYPE,
    name,
    props: { name, encryptionType: "KMS", ...(dataClass ? { tags: { "connect-dr:data-class": dataClass } } : {}) },
    provider: provider(HOME),
});

/** A Firehose delivery stream reading `from` and writing to `to` (both by property dependency). */
export const firehose = (name: string, from: string, to: string, destination = "extended_s3"): HarnessResource => ({
    type: FIREHOSE_TYPE,
    name,
    props: {
        destination,
        kinesisSourceConfiguration: { kinesisStreamArn: UNKNOWN_STRING, roleArn: UNKNOWN_STRING },
        extendedS3Configuration: { bucketArn: UNKNOWN_STRING, roleArn: UNKNOWN_STRING },
    },
    provider: provider(HOME),
    propertyDependencies: { kinesisSourceConfiguration: [urnOf(STREAM_TYPE, from)], extendedS3Configuration: [bucketUrn(to)] },
});

/** Everything of the archive and the recordings of one Region, compliant. */
export function regionData(): HarnessResource[] {
    return [
        stream("ctr", "contact-trace-records"),
        stream("agent-events", "agent-events"),
        firehose("ctr-archive", "ctr", "archive"),
        firehose("agent-events-archive", "agent-events", "archive"),
        classBucket("archive", "contact-records", HOME),
        replicatingTo("archive", "archive-vault"),
        classBucket("archive-vault", "contact-records-replica", VAULT_REGION),
        classBucket("recordings", "recordings", HOME),
        replicatingTo("recordings", "recordings-vault"),
        classBucket("recordings-vault", "recordings-replica", VAULT_REGION),
    ];
}

export { BUCKET_TYPE, bucketUrn };
