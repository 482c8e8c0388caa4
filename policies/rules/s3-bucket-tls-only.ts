import { CONTROLS } from "../frameworks";
import { bucketsWithSettings } from "../inspection/bucket-settings";
import { readProperty } from "../inspection/known-value";
import { deniesInsecureTransport, parsePolicyDocument } from "../inspection/policy-document";
import { AwsType } from "../resource-types";
import { defineStackRule } from "../rule-definition";

/** Every bucket's policy denies all S3 actions over plain HTTP. */
export const s3BucketTlsOnly = defineStackRule({
    name: "s3-bucket-tls-only",
    description: "S3 bucket policies deny every request that is not sent over TLS.",
    enforcementLevel: "mandatory",
    remediation:
        "Add an aws.s3.BucketPolicy with a statement { Effect: \"Deny\", Principal: \"*\", Action: \"s3:*\", " +
        "Resource: [bucketArn, `${bucketArn}/*`], Condition: { Bool: { \"aws:SecureTransport\": \"false\" } } }.",
    controls: [CONTROLS.hipaa.transmissionEncryption, CONTROLS.pciDss.transmission, CONTROLS.gdpr.encryption],
    validate: (args, report) => {
        for (const { bucket, settings } of bucketsWithSettings(args.resources, [AwsType.bucketPolicy])) {
            if (settings.length === 0) {
                report(`Bucket '${bucket.name}' has no bucket policy denying requests without TLS.`, bucket.urn);
                continue;
            }
            const documents = settings.map(s => readProperty(s.props, "policy"));
            // A policy built from other resources' outputs is unknown at preview; the update run decides.
            if (documents.some(d => !d.known)) {
                continue;
            }
            const tlsOnly = documents.some(document => {
                const parsed = parsePolicyDocument(document.known ? document.value : undefined);
                return (
                    parsed.ok &&
                    parsed.statements.some(
                        s => deniesInsecureTransport(s) && (s.actions.includes("s3:*") || s.actions.includes("*")),
                    )
                );
            });
            if (!tlsOnly) {
                report(`Bucket '${bucket.name}' policy does not deny s3:* when aws:SecureTransport is false.`, bucket.urn);
            }
        }
    },
});
