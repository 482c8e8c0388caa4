/**
 * What the organization guardrails are built from, and its validation. Errors name the key, the
 * value found and what is allowed, so a stack-config mistake reads as one line.
 */

/** Input to {@link buildGuardrailDocuments}. */
export interface GuardrailInput {
  /** The two Regions the contact centre runs in (primary and DR). Both stay allowed by the Region deny. */
  readonly drRegions: readonly string[];
  /**
   * Principal ARN pattern of the break-glass role, e.g. `arn:aws:iam::*:role/BreakGlass`. Exempt from
   * the Region deny so an operator can act in any Region during an incident.
   */
  readonly breakGlassRoleArnPattern: string;
  /**
   * Principal ARN pattern of the deployer role (the role `pulumi up` assumes). The only principal
   * allowed to change the DR replication and failover roles.
   */
  readonly deployerRoleArnPattern: string;
  /** IAM role name patterns of the replication roles (S3 CRR, DynamoDB, backup copy). */
  readonly replicationRoleNamePatterns: readonly string[];
  /** IAM role name patterns of the failover automation roles (both Regions). */
  readonly failoverRoleNamePatterns: readonly string[];
  /**
   * Principal ARN patterns the management (platform) team works with, e.g.
   * `arn:aws:iam::*:role/OrganizationAccountAccessRole`. Exempt from the security-service, KMS,
   * DR-role and Region statements; never from the root-user and leave-organization denies.
   * @default []
   */
  readonly managementExemptPrincipalArnPatterns?: readonly string[];
  /**
   * Global-service actions to exempt from the Region deny in addition to AWS's documented list.
   * @default []
   */
  readonly extraGlobalActions?: readonly string[];
  /** ARN partition. @default "aws" */
  readonly partition?: "aws" | "aws-us-gov" | "aws-cn";
}

/** A user-correctable problem in {@link GuardrailInput}: key, value found, what is allowed. */
export class GuardrailInputError extends Error {
  constructor(
    readonly key: string,
    readonly value: unknown,
    readonly allowed: string,
  ) {
    super(`invalid '${key}' = ${JSON.stringify(value)}; ${allowed}`);
    this.name = "GuardrailInputError";
  }
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const ROLE_ARN_PATTERN = /^arn:(aws|aws-us-gov|aws-cn|\*):iam::(\d{12}|\*):role\/[\w+=,.@*?/-]{1,512}$/;
const ROLE_NAME_PATTERN = /^[\w+=,.@*?-]{1,64}$/;
const ACTION = /^[a-z0-9-]+:[A-Za-z0-9*?]+$/;

/** Throws {@link GuardrailInputError} on the first invalid key. */
export function validateGuardrailInput(input: GuardrailInput): void {
  const regions = input.drRegions;
  if (!Array.isArray(regions) || regions.length !== 2) {
    throw new GuardrailInputError("drRegions", regions, "exactly two Region names (primary and DR) are allowed");
  }
  for (const [i, region] of regions.entries()) {
    if (typeof region !== "string" || !REGION.test(region)) {
      throw new GuardrailInputError(`drRegions[${i}]`, region, "a Region name such as 'us-east-1' is allowed");
    }
  }
  if (regions[0] === regions[1]) {
    throw new GuardrailInputError("drRegions", regions, "two different Regions are required");
  }
  for (const key of ["breakGlassRoleArnPattern", "deployerRoleArnPattern"] as const) {
    if (typeof input[key] !== "string" || !ROLE_ARN_PATTERN.test(input[key])) {
      throw new GuardrailInputError(key, input[key], "an IAM role ARN pattern such as 'arn:aws:iam::*:role/Name' is allowed");
    }
  }
  for (const key of ["replicationRoleNamePatterns", "failoverRoleNamePatterns"] as const) {
    const names = input[key];
    if (!Array.isArray(names) || names.length === 0) {
      throw new GuardrailInputError(key, names, "a non-empty list of IAM role name patterns is required");
    }
    for (const [i, name] of names.entries()) {
      if (typeof name !== "string" || !ROLE_NAME_PATTERN.test(name) || /^\*+$/.test(name)) {
        throw new GuardrailInputError(`${key}[${i}]`, name, "an IAM role name pattern (letters, digits, +=,.@_- and * ?; not only '*') is allowed");
      }
    }
  }
  for (const [i, arn] of (input.managementExemptPrincipalArnPatterns ?? []).entries()) {
    if (typeof arn !== "string" || !ROLE_ARN_PATTERN.test(arn)) {
      throw new GuardrailInputError(`managementExemptPrincipalArnPatterns[${i}]`, arn, "an IAM role ARN pattern such as 'arn:aws:iam::*:role/Name' is allowed");
    }
  }
  for (const [i, action] of (input.extraGlobalActions ?? []).entries()) {
    if (typeof action !== "string" || !ACTION.test(action)) {
      throw new GuardrailInputError(`extraGlobalActions[${i}]`, action, "an IAM action such as 'service:Action' or 'service:*' is allowed");
    }
  }
  if (input.partition !== undefined && !["aws", "aws-us-gov", "aws-cn"].includes(input.partition)) {
    throw new GuardrailInputError("partition", input.partition, "one of 'aws', 'aws-us-gov', 'aws-cn' is allowed");
  }
}
