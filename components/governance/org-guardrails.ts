import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../argument-error";
import {
  AttachmentLimitError,
  GuardrailInputError,
  StatementTooLargeError,
  buildGuardrailDocuments,
  targetKind,
  type GuardrailDocument,
  type GuardrailInput,
} from ".";

const COMPONENT = "OrgGuardrails";

/**
 * The guardrails' input (DR Regions, break-glass, deployer, DR role patterns, exemptions, partition:
 * documented on {@link GuardrailInput}) and where the documents are attached.
 */
export interface OrgGuardrailsArgs extends GuardrailInput {
  /**
   * Roots (`r-...`), OUs (`ou-...`) and member accounts (12 digits) each document is attached to,
   * typically the OU of the workload, network and backup accounts. Never the management account:
   * SCPs do not apply there.
   */
  readonly targetIds: readonly string[];
  /** The organization's management account id, refused as a target. */
  readonly managementAccountId: string;
  /**
   * SCPs already attached directly to each target outside this component, by target id. AWS allows 5
   * per target and attaches FullAWSAccess everywhere by default, which this project keeps (deny-list
   * strategy).
   * @default 1 per target (FullAWSAccess)
   */
  readonly existingAttachmentsPerTarget?: Readonly<Record<string, number>>;
  /** Prefix of each SCP's name in Organizations. @default "connect-dr-guardrails" */
  readonly policyNamePrefix?: string;
}

/**
 * Organization guardrails as service control policies: the documents from `governance/` (each at
 * most 5,120 characters, split automatically), one `aws.organizations.Policy` per document and one
 * `PolicyAttachment` per (document, target). Pass the management account's provider in `opts`.
 */
export class OrgGuardrails extends pulumi.ComponentResource {
  /** Ids of the SCPs, in document order. */
  public readonly policyIds: pulumi.Output<string[]>;
  /** The documents as submitted (minified JSON) with their sizes; plain values, known at declaration. */
  public readonly documents: readonly GuardrailDocument[];

  constructor(name: string, args: OrgGuardrailsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("connect-dr:governance:OrgGuardrails", name, {}, opts);
    const documents = OrgGuardrails.validate(args);
    this.documents = documents;
    const prefix = args.policyNamePrefix ?? "connect-dr-guardrails";
    const policies = documents.map(
      (d) =>
        new aws.organizations.Policy(
          `${name}-scp-${d.index}`,
          {
            name: `${prefix}-${d.index}`,
            description: `connect-dr guardrails ${d.index}/${documents.length}: ${d.statementIds.join(", ")}`.slice(0, 512),
            type: "SERVICE_CONTROL_POLICY",
            content: d.content,
          },
          { parent: this },
        ),
    );
    for (const [i, policy] of policies.entries()) {
      for (const target of args.targetIds) {
        new aws.organizations.PolicyAttachment(
          `${name}-scp-${documents[i].index}-${target}`,
          { policyId: policy.id, targetId: target },
          { parent: this },
        );
      }
    }
    this.policyIds = pulumi.all(policies.map((p) => p.id));
    this.registerOutputs({ policyIds: this.policyIds });
  }

  private static validate(args: OrgGuardrailsArgs): GuardrailDocument[] {
    if (!Array.isArray(args.targetIds) || args.targetIds.length === 0) {
      throw new ArgumentError(COMPONENT, "targetIds", args.targetIds, "at least one root (r-...), OU (ou-...) or member account id (12 digits) is required");
    }
    for (const [i, target] of args.targetIds.entries()) {
      if (typeof target !== "string" || !targetKind(target)) {
        throw new ArgumentError(COMPONENT, `targetIds[${i}]`, target, "a root (r-...), OU (ou-xxxx-xxxxxxxx) or 12-digit account id is allowed");
      }
      if (target === args.managementAccountId) {
        throw new ArgumentError(COMPONENT, `targetIds[${i}]`, target, "the management account is not allowed: SCPs do not apply to it");
      }
    }
    if (new Set(args.targetIds).size !== args.targetIds.length) {
      throw new ArgumentError(COMPONENT, "targetIds", args.targetIds, "each target may appear once");
    }
    if (typeof args.managementAccountId !== "string" || !/^\d{12}$/.test(args.managementAccountId)) {
      throw new ArgumentError(COMPONENT, "managementAccountId", args.managementAccountId, "a 12-digit account id is required");
    }
    for (const [target, count] of Object.entries(args.existingAttachmentsPerTarget ?? {})) {
      if (!Number.isInteger(count) || count < 0 || count > 5) {
        throw new ArgumentError(COMPONENT, `existingAttachmentsPerTarget.${target}`, count, "an integer from 0 to 5 is allowed");
      }
    }
    try {
      return buildGuardrailDocuments(args, args.targetIds, args.existingAttachmentsPerTarget);
    } catch (error) {
      if (error instanceof GuardrailInputError) throw new ArgumentError(COMPONENT, error.key, error.value, error.allowed);
      if (error instanceof AttachmentLimitError) {
        throw new ArgumentError(COMPONENT, "targetIds", error.target, error.message);
      }
      if (error instanceof StatementTooLargeError) throw new ArgumentError(COMPONENT, "replicationRoleNamePatterns/failoverRoleNamePatterns/extraGlobalActions", error.sid, error.message);
      throw error;
    }
  }
}
