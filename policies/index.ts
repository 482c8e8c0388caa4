import { PolicyPack } from "@pulumi/policy";
import { POLICIES, POLICY_PACK_NAME } from "./registry";

// The engine runs this file (via @pulumi/pulumi/cmd/run-policy-pack) and serves the pack over gRPC.
// Everything else lives in registry.ts so the gate and tests can import the rules without serving.
new PolicyPack(POLICY_PACK_NAME, {
    description: "connect-dr guardrails: DR controls always in force; GDPR, HIPAA and PCI DSS rules of the selected frameworks; SCP limits and previews.",
    enforcementLevel: "mandatory",
    policies: [...POLICIES],
});
