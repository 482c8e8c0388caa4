/**
 * The `connect-dr:data-class` tag: what a bucket or stream holds (CONTRACTS C). Source buckets of the
 * classes below replicate to a vault bucket of their replica class in another Region.
 */
export const DATA_CLASS_TAG = "connect-dr:data-class";

/** Call recordings (ReplicatedRecordings' source bucket). */
export const RECORDINGS_DATA_CLASS = "recordings";
/** The contact trace record / agent event archive bucket. */
export const CONTACT_RECORDS_DATA_CLASS = "contact-records";

/** Each replicated data class and the class of the vault bucket it replicates to. */
export const REPLICA_CLASS: Readonly<Record<string, string>> = {
    [RECORDINGS_DATA_CLASS]: "recordings-replica",
    [CONTACT_RECORDS_DATA_CLASS]: "contact-records-replica",
};

/** Classes of buckets that must replicate (sources) or that receive replicas (vaults). */
export const REPLICATED_DATA_CLASSES: readonly string[] = [...Object.keys(REPLICA_CLASS), ...Object.values(REPLICA_CLASS)];

/** Kinesis streams of Amazon Connect whose records the archive keeps. */
export const ARCHIVED_STREAM_CLASSES: readonly string[] = ["contact-trace-records", "agent-events"];
