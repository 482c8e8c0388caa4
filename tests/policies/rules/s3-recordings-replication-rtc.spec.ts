import { expect } from "chai";
import { s3RecordingsReplicationRtc } from "../../../policies/rules/s3-recordings-replication-rtc";
import { runStackPolicy, UNKNOWN_ARRAY } from "../support/policy-harness";
import { bucket, bucketUrn, compliantBucketStack, replacing, replication, RTC_RULE } from "../support/s3-fixtures";

const TYPE = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";

describe("policy s3-recordings-replication-rtc", () => {
    it("passes a recordings bucket replicating with RTC", async () => {
        expect((await runStackPolicy(s3RecordingsReplicationRtc, compliantBucketStack())).violations).to.deep.equal([]);
    });

    it("ignores buckets not tagged as recordings (including replicas)", async () => {
        const stack = [bucket("reports", {}), bucket("recordings-replica", { "connect-dr:data-class": "recordings-replica" })];
        expect((await runStackPolicy(s3RecordingsReplicationRtc, stack)).violations).to.deep.equal([]);
    });

    it("passes rules unknown during preview", async () => {
        const config = replication("recordings");
        const stack = replacing(compliantBucketStack(), TYPE, { ...config, props: { ...config.props, rules: UNKNOWN_ARRAY } });
        expect((await runStackPolicy(s3RecordingsReplicationRtc, stack)).violations).to.deep.equal([]);
    });

    it("flags a recordings bucket without replication", async () => {
        expect((await runStackPolicy(s3RecordingsReplicationRtc, replacing(compliantBucketStack(), TYPE))).violations).to.deep.equal([
            { message: "Recordings bucket 'recordings' has no replication configuration.", urn: bucketUrn("recordings"), enforcementLevel: "mandatory" },
        ]);
    });

    it("flags replication without RTC", async () => {
        const rule = { ...RTC_RULE, destination: { bucket: "arn:aws:s3:::rec-dr" } };
        const stack = replacing(compliantBucketStack(), TYPE, replication("recordings", [rule]));
        expect((await runStackPolicy(s3RecordingsReplicationRtc, stack)).violations.map(v => v.message)).to.deep.equal([
            "Recordings bucket 'recordings' has no enabled replication rule with RTC (rule 'recordings-to-dr': " +
                "replicationTime.status is not Enabled; replicationTime.time.minutes is not 15; " +
                "metrics.status is not Enabled (RTC needs replication metrics)).",
        ]);
    });

    it("flags a disabled RTC rule", async () => {
        const stack = replacing(compliantBucketStack(), TYPE, replication("recordings", [{ ...RTC_RULE, status: "Disabled" }]));
        expect((await runStackPolicy(s3RecordingsReplicationRtc, stack)).violations.map(v => v.message)).to.deep.equal([
            "Recordings bucket 'recordings' has no enabled replication rule with RTC (rule 'recordings-to-dr': status is not Enabled).",
        ]);
    });

    it("requires RTC of the contact-records archive bucket too", async () => {
        const archive = [bucket("archive", { "connect-dr:data-class": "contact-records" })];
        expect((await runStackPolicy(s3RecordingsReplicationRtc, archive)).violations).to.deep.equal([
            { message: "Contact-records bucket 'archive' has no replication configuration.", urn: bucketUrn("archive"), enforcementLevel: "mandatory" },
        ]);
        expect((await runStackPolicy(s3RecordingsReplicationRtc, [...archive, replication("archive")])).violations).to.deep.equal([]);
    });

    it("stays in force, mandatory, when only PCI DSS is selected", async () => {
        const result = await runStackPolicy(s3RecordingsReplicationRtc, replacing(compliantBucketStack(), TYPE), { config: { frameworks: ["pci-dss"] } });
        expect(result.notApplicable).to.equal(undefined);
        expect(result.violations.map(v => v.enforcementLevel)).to.deep.equal(["mandatory"]);
    });
});
