import { expect } from "chai";
import { s3BucketPublicAccessBlock } from "../../../policies/rules/s3-bucket-public-access-block";
import { runStackPolicy } from "../support/policy-harness";
import { bucketUrn, compliantBucketStack, publicAccessBlock, replacing } from "../support/s3-fixtures";

const TYPE = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";

describe("policy s3-bucket-public-access-block", () => {
    it("passes a block with all four settings on", async () => {
        expect((await runStackPolicy(s3BucketPublicAccessBlock, compliantBucketStack())).violations).to.deep.equal([]);
    });

    it("flags a bucket without a public access block", async () => {
        expect((await runStackPolicy(s3BucketPublicAccessBlock, replacing(compliantBucketStack(), TYPE))).violations).to.deep.equal([
            { message: "Bucket 'recordings' has no public access block.", urn: bucketUrn("recordings"), enforcementLevel: "mandatory" },
        ]);
    });

    it("names each setting left off", async () => {
        const stack = replacing(compliantBucketStack(), TYPE, publicAccessBlock("recordings", { blockPublicPolicy: false, restrictPublicBuckets: false }));
        expect((await runStackPolicy(s3BucketPublicAccessBlock, stack)).violations.map(v => v.message)).to.deep.equal([
            "Bucket 'recordings' public access block leaves blockPublicPolicy, restrictPublicBuckets off.",
        ]);
    });

    it("counts an unset setting as off", async () => {
        const block = publicAccessBlock("recordings");
        const { ignorePublicAcls: _dropped, ...props } = block.props;
        const stack = replacing(compliantBucketStack(), TYPE, { ...block, props });
        expect((await runStackPolicy(s3BucketPublicAccessBlock, stack)).violations.map(v => v.message)).to.deep.equal([
            "Bucket 'recordings' public access block leaves ignorePublicAcls off.",
        ]);
    });
});
