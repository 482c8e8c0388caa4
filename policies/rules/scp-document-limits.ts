import { readProperty } from "../inspection/known-value";
import { parsePolicyDocument } from "../inspection/policy-document";
import { AwsType } from "../resource-types";
import { defineResourceRule } from "../rule-definition";

/** AWS Organizations' size quota for one SCP document. */
export const SCP_MAXIMUM_CHARACTERS = 5120;

/**
 * Service control policies are valid policy JSON and within the 5,120-character quota. The count is
 * of the content as sent, whitespace included, as the Organizations API counts it.
 */
export const scpDocumentLimits = defineResourceRule({
    name: "scp-document-limits",
    family: "guardrail",
    description: "Service control policies are valid policy JSON of at most 5,120 characters.",
    enforcementLevel: "mandatory",
    remediation:
        "Build the document with JSON.stringify and no indentation, merge statements that share an effect and " +
        "condition, or split the guardrails across SCPs (at most 5 attached directly to one target).",
    controls: [],
    resourceTypes: [AwsType.organizationsPolicy],
    validate: (args, report) => {
        const type = readProperty(args.props, "type");
        // The provider defaults `type` to SERVICE_CONTROL_POLICY.
        if (type.known && type.value !== undefined && type.value !== "SERVICE_CONTROL_POLICY") {
            args.notApplicable(`policy type ${String(type.value)} is not an SCP`);
        }
        const content = readProperty(args.props, "content");
        if (!content.known) {
            return;
        }
        if (typeof content.value !== "string") {
            report("The SCP has no content.");
            return;
        }
        const parsed = parsePolicyDocument(content.value);
        if (!parsed.ok) {
            report(`The SCP content ${parsed.error}.`);
        }
        if (content.value.length > SCP_MAXIMUM_CHARACTERS) {
            report(`The SCP is ${content.value.length} characters; AWS Organizations accepts at most ${SCP_MAXIMUM_CHARACTERS}.`);
        }
    },
});
