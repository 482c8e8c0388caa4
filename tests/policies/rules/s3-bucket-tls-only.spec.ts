import { expect } from "chai";
import { s3BucketTlsOnly } from "../../../policies/rules/s3-bucket-tls-only";
import { runStackPolicy, UNKNOWN_STRING } from "../support/policy-harness";
import { bucketPolicy, bucketUrn, compliantBucketStack, replacing, TLS_ONLY_STATEMENT } from "../support/s3-fixtures";

const TYPE = "aws:s3/bucketPolicy:BucketPolicy";

describe("policy s3-bucket-tls-only", () => {
    it("passes a policy denying s3:* without TLS", async () => {
        expect((await runStackPolicy(s3BucketTlsOnly, compliantBucketStack())).violations).to.deep.equal([]);
    });

    it("passes a policy document unknown during preview", async () => {
        const policy = bucketPolicy("recordings");
        const stack = replacing(compliantBucketStack(), TYPE, { ...policy, props: { ...policy.props, policy: UNKNOWN_STRING } });
        expect((await runStackPolicy(s3BucketTlsOnly, stack)).violations).to.deep.equal([]);
    });

    it("flags a bucket without a bucket policy", async () => {
        expect((await runStackPolicy(s3BucketTlsOnly, replacing(compliantBucketStack(), TYPE))).violations).to.deep.equal([
            { message: "Bucket 'recordings' has no bucket policy denying requests without TLS.", urn: bucketUrn("recordings"), enforcementLevel: "mandatory" },
        ]);
    });

    it("flags a policy whose TLS deny covers only some actions", async () => {
        const stack = replacing(compliantBucketStack(), TYPE, bucketPolicy("recordings", [{ ...TLS_ONLY_STATEMENT, Action: "s3:GetObject" }]));
        expect((await runStackPolicy(s3BucketTlsOnly, stack)).violations.map(v => v.message)).to.deep.equal([
            "Bucket 'recordings' policy does not deny s3:* when aws:SecureTransport is false.",
        ]);
    });

    it("flags a policy without the SecureTransport condition", async () => {
        const { Condition: _dropped, ...unconditional } = TLS_ONLY_STATEMENT;
        const stack = replacing(compliantBucketStack(), TYPE, bucketPolicy("recordings", [{ ...unconditional, Effect: "Allow" }]));
        expect((await runStackPolicy(s3BucketTlsOnly, stack)).violations.map(v => v.message)).to.deep.equal([
            "Bucket 'recordings' policy does not deny s3:* when aws:SecureTransport is false.",
        ]);
    });
});
