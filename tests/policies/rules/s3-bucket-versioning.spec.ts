import { expect } from "chai";
import { s3BucketVersioning } from "../../../policies/rules/s3-bucket-versioning";
import { runStackPolicy } from "../support/policy-harness";
import { bucketUrn, compliantBucketStack, replacing, versioning } from "../support/s3-fixtures";

const TYPE = "aws:s3/bucketVersioning:BucketVersioning";

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
});
