import { CONTROLS } from "../frameworks";
import { type Read, readArray, readProperty } from "../inspection/known-value";
import { allowsEverythingOnEverything, parsePolicyDocument } from "../inspection/policy-document";
import { AwsType } from "../resource-types";
import { defineResourceRule } from "../rule-definition";

const DOCUMENT_PROPERTY: Readonly<Record<string, string>> = {
    [AwsType.iamPolicy]: "policy",
    [AwsType.iamRolePolicy]: "policy",
    [AwsType.iamUserPolicy]: "policy",
    [AwsType.iamGroupPolicy]: "policy",
    [AwsType.bucketPolicy]: "policy",
    [AwsType.kmsKey]: "policy",
    [AwsType.kmsKeyPolicy]: "policy",
};

/** No policy document anywhere allows every action on every resource. */
export const iamNoWildcardAdmin = defineResourceRule({
    name: "iam-no-wildcard-admin",
    description: "No IAM, bucket or key policy allows every action (\"*\") on every resource (\"*\").",
    enforcementLevel: "mandatory",
    remediation: "List the actions the principal needs and the ARNs it needs them on; never Action \"*\" with Resource \"*\".",
    controls: [CONTROLS.pciDss.leastPrivilege, CONTROLS.hipaa.accessControl, CONTROLS.gdpr.byDesign],
    resourceTypes: [...Object.keys(DOCUMENT_PROPERTY), AwsType.iamRole],
    validate: (args, report) => {
        const documents: { label: string; document: Read<unknown> }[] = [];
        if (args.type === AwsType.iamRole) {
            const inline = readArray(args.props, "inlinePolicies");
            if (inline.known) {
                for (const entry of inline.value) {
                    const name = readProperty(entry, "name");
                    documents.push({
                        label: `inline policy '${name.known ? String(name.value) : "?"}'`,
                        document: readProperty(entry, "policy"),
                    });
                }
            }
        } else {
            documents.push({ label: "policy", document: readProperty(args.props, DOCUMENT_PROPERTY[args.type]) });
        }
        for (const { label, document } of documents) {
            // Unknown documents (built from other resources' outputs) are checked at deploy time.
            if (!document.known || document.value === undefined || document.value === "") {
                continue;
            }
            const parsed = parsePolicyDocument(document.value);
            if (!parsed.ok) {
                continue;
            }
            parsed.statements.forEach((statement, index) => {
                if (allowsEverythingOnEverything(statement)) {
                    report(`The ${label} statement ${statement.sid ?? `#${index + 1}`} allows every action on every resource.`);
                }
            });
        }
    },
});
