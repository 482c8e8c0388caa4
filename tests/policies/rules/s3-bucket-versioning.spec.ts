import { expect } from "chai";
import { s3BucketVersioning } from "../../../policies/rules/s3-bucket-versioning";
import { runStackPolicy, UNKNOWN_STRING } from "../support/policy-harness";
import { bucket, bucketUrn, compliantBucketStack, replacing, replication, RTC_RULE, versioning } from "../support/s3-fixtures";

const TYPE = "aws:s3/bucketVersioning:BucketVersioning";
const PCI_ONLY = { config: { frameworks: ["pci-dss"] } };

describe("policy s3-bucket-versioning", () => {
    it("passes a bucket with versioning Enabled", async () => {
        expect((await runStackPolicy(s3BucketVersioning, compliantBucketStack())).violations).to.deep.equal([]);
    });

    it("flags a bucket without a versioning resource", async () => {
        expect((await runStackPolicy(s3BucketVersioning, replacing(compliantBucketStack(), TYPE))).violations).to.deep.equal([
            { message: "Bucket 'recordings' has no versioning configuration.", urn: bucketUrn("recordings"), enforcementLevel: "mandatory" },
        ]);
    });

    it("flags suspended versioning", async () => {
        const stack = replacing(compliantBucketStack(), TYPE, versioning("recordings", "Suspended"));
        expect((await runStackPolicy(s3BucketVersioning, stack)).violations.map(v => v.message)).to.deep.equal([
            "Bucket 'recordings' has versioning \"Suspended\"; set it to \"Enabled\".",
        ]);
    });

    describe("with only PCI DSS selected: the buckets replication involves", () => {
        const untagged = { "team": "reports" };

        it("flags a replication source without versioning (S3 refuses replication without it)", async () => {
            const stack = [bucket("reports", untagged), replication("reports")];
            expect((await runStackPolicy(s3BucketVersioning, stack, PCI_ONLY)).violations.map(v => v.message)).to.deep.equal([
                "Bucket 'reports' has no versioning configuration.",
            ]);
        });

        it("flags a replication destination without versioning, found by its ARN or its property dependency", async () => {
            const byArn = [bucket("source", untagged), versioning("source"), replication("source", [{ ...RTC_RULE, destination: { bucket: "arn:aws:s3:::vault-a1b2c3d" } }]), bucket("vault", untagged)];
            expect((await runStackPolicy(s3BucketVersioning, byArn, PCI_ONLY)).violations.map(v => v.message)).to.deep.equal([
                "Bucket 'vault' has no versioning configuration.",
            ]);
            const config = replication("source", [{ ...RTC_RULE, destination: { bucket: UNKNOWN_STRING } }]);
            const byDependency = [...byArn.slice(0, 2), { ...config, propertyDependencies: { ...config.propertyDependencies, rules: [bucketUrn("vault")] } }, byArn[3]];
            expect((await runStackPolicy(s3BucketVersioning, byDependency, PCI_ONLY)).violations.map(v => v.message)).to.deep.equal([
                "Bucket 'vault' has no versioning configuration.",
            ]);
        });

        it("flags a vault bucket by its data class even when its source is in another stack", async () => {
            const stack = [bucket("vault", { "connect-dr:data-class": "contact-records-replica" })];
            expect((await runStackPolicy(s3BucketVersioning, stack, PCI_ONLY)).violations.map(v => v.message)).to.deep.equal([
                "Bucket 'vault' has no versioning configuration.",
            ]);
        });

        it("leaves other buckets to GDPR and HIPAA", async () => {
            expect((await runStackPolicy(s3BucketVersioning, [bucket("reports", untagged)], PCI_ONLY)).violations).to.deep.equal([]);
            expect((await runStackPolicy(s3BucketVersioning, [bucket("reports", untagged)], { config: { frameworks: ["hipaa"] } })).violations).to.have.length(1);
        });
    });
});
