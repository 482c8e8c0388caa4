/**
 * The policies AWS applies where none is given: the FullAWSAccess SCP (AWS Organizations User Guide,
 * "SCP evaluation": attached to every root, OU and account when SCPs are enabled) and the key policy of
 * a KMS key created programmatically without one (KMS Developer Guide, "Default key policy").
 */
import type { PolicyDocument } from "../policy-documents";

/** AWS's default SCP, attached to every root, OU and account until removed. */
export const FULL_AWS_ACCESS: PolicyDocument = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

/** KMS's default key policy: the owning account may use IAM policies to allow every KMS operation on the key. */
export function defaultKeyPolicy(account: string): PolicyDocument {
  return { Version: "2012-10-17", Statement: [{ Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "kms:*", Resource: "*" }] };
}
