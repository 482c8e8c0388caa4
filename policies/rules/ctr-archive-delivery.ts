import type { PolicyResource } from "@pulumi/policy";
import { CONTROLS } from "../frameworks";
import { bucketWithArn } from "../inspection/bucket-settings";
import { ARCHIVED_STREAM_CLASSES, CONTACT_RECORDS_DATA_CLASS, DATA_CLASS_TAG } from "../inspection/data-class";
import { readPath, readProperty } from "../inspection/known-value";
import { referencedResources } from "../inspection/linked-resources";
import { tagValue } from "../inspection/tags";
import { AwsType, BUCKET_TYPES } from "../resource-types";
import { defineStackRule } from "../rule-definition";

/** The outcome of following one Firehose delivery stream from a Kinesis stream to its bucket. */
type Delivery = { readonly ok: true } | { readonly ok: false; readonly problem?: string };

/**
 * The contact trace record and agent event streams are archived (CONTRACTS C): each stream tagged
 * `contact-trace-records` / `agent-events` is the source of a Firehose delivery stream writing
 * (`extended_s3`) to a bucket tagged `contact-records`, whose replication with RTC to a vault in
 * another Region the RTC and cross-Region vault rules check. Kinesis keeps records for days at most,
 * and ACGR does not replicate storage configuration: without the archive, CTRs of a lost Region are lost.
 */
export const ctrArchiveDelivery = defineStackRule({
    name: "ctr-archive-delivery",
    family: "resilience",
    description: "Contact trace record and agent event streams are delivered by Firehose to the contact-records archive bucket.",
    enforcementLevel: "mandatory",
    remediation:
        "Create an aws.kinesis.FirehoseDeliveryStream with destination \"extended_s3\", kinesisSourceConfiguration.kinesisStreamArn " +
        `set to the stream's arn and extendedS3Configuration.bucketArn set to a bucket tagged ${DATA_CLASS_TAG}=${CONTACT_RECORDS_DATA_CLASS}.`,
    controls: [CONTROLS.gdpr.resilience, CONTROLS.hipaa.integrity],
    validate: (args, report) => {
        const firehoses = args.resources.filter(r => r.type === AwsType.firehoseDeliveryStream);
        const buckets = args.resources.filter(r => BUCKET_TYPES.includes(r.type));
        for (const stream of args.resources.filter(r => r.type === AwsType.kinesisStream)) {
            const dataClass = tagValue(stream, DATA_CLASS_TAG);
            if (dataClass === undefined || !ARCHIVED_STREAM_CLASSES.includes(dataClass)) {
                continue;
            }
            const readers = firehoses.filter(f => readsStream(f, stream));
            // A delivery stream whose source is unknown and traceable to nothing might read this stream.
            const undecided = firehoses.some(f => {
                const source = readPath(f.props, ["kinesisSourceConfiguration", "kinesisStreamArn"]);
                return !source.known && (f.propertyDependencies.kinesisSourceConfiguration ?? []).length === 0;
            });
            const deliveries = readers.map(f => delivery(f, buckets));
            if (deliveries.some(d => d.ok) || (readers.length === 0 && undecided) || deliveries.some(d => !d.ok && d.problem === undefined)) {
                continue;
            }
            const problems = deliveries.flatMap(d => (!d.ok && d.problem ? [d.problem] : []));
            report(
                `Kinesis stream '${stream.name}' (${dataClass}) is not archived: ` +
                    (readers.length === 0 ? "no Firehose delivery stream reads it." : `${problems.join("; ")}.`),
                stream.urn,
            );
        }
    },
});

function readsStream(firehose: PolicyResource, stream: PolicyResource): boolean {
    const source = readPath(firehose.props, ["kinesisSourceConfiguration", "kinesisStreamArn"]);
    return referencedResources(firehose, "kinesisSourceConfiguration", source, [stream], ["arn"]).length > 0;
}

/** Whether the delivery stream writes to the archive bucket; no problem text when it cannot tell. */
function delivery(firehose: PolicyResource, buckets: readonly PolicyResource[]): Delivery {
    const destination = readProperty(firehose.props, "destination");
    if (!destination.known) {
        return { ok: false };
    }
    if (destination.value !== "extended_s3") {
        return { ok: false, problem: `Firehose '${firehose.name}' delivers to ${JSON.stringify(destination.value)}, not "extended_s3"` };
    }
    const arn = readPath(firehose.props, ["extendedS3Configuration", "bucketArn"]);
    const bucket = arn.known
        ? bucketWithArn(arn.value, buckets)
        : buckets.filter(b => (firehose.propertyDependencies.extendedS3Configuration ?? []).some(d => d.urn === b.urn)).at(0);
    if (!bucket) {
        return { ok: false };
    }
    const bucketClass = tagValue(bucket, DATA_CLASS_TAG);
    return bucketClass === CONTACT_RECORDS_DATA_CLASS
        ? { ok: true }
        : {
              ok: false,
              problem: `Firehose '${firehose.name}' writes to bucket '${bucket.name}', whose ${DATA_CLASS_TAG} is ${bucketClass === undefined ? "unset" : JSON.stringify(bucketClass)}, not "${CONTACT_RECORDS_DATA_CLASS}"`,
          };
}
