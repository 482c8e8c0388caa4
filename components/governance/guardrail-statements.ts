/**
 * The guardrail statements, one builder each. All deny; the default FullAWSAccess SCP stays attached
 * and grants (deny-list strategy), so nothing here needs an Allow.
 */
import { AWS_GLOBAL_SERVICE_ACTIONS } from "./global-services";
import type { GuardrailInput } from "./guardrail-input";
import type { ConditionBlock, ScpStatement } from "./policy-document";

/** Shortest KMS key deletion window the guardrail allows (AWS's maximum is also 30 days). */
export const KMS_MINIMUM_DELETION_WINDOW_DAYS = 30;

/** Changes that would silence the organization's audit trail. */
export const CLOUDTRAIL_TAMPER_ACTIONS: readonly string[] = [
  "cloudtrail:DeleteEventDataStore",
  "cloudtrail:DeleteTrail",
  "cloudtrail:PutEventSelectors",
  "cloudtrail:PutInsightSelectors",
  "cloudtrail:StopEventDataStoreIngestion",
  "cloudtrail:StopLogging",
  "cloudtrail:UpdateEventDataStore",
  "cloudtrail:UpdateTrail",
];

/** Changes that would stop AWS Config recording or delivering. */
export const CONFIG_TAMPER_ACTIONS: readonly string[] = [
  "config:DeleteConfigRule",
  "config:DeleteConfigurationRecorder",
  "config:DeleteDeliveryChannel",
  "config:DeleteRetentionConfiguration",
  "config:PutConfigurationRecorder",
  "config:PutDeliveryChannel",
  "config:StopConfigurationRecorder",
];

/** Changes that would turn GuardDuty off, detach it from the administrator or hide findings. */
export const GUARDDUTY_TAMPER_ACTIONS: readonly string[] = [
  "guardduty:CreateFilter",
  "guardduty:DeleteDetector",
  "guardduty:DeleteMembers",
  "guardduty:DeletePublishingDestination",
  "guardduty:DisassociateFromAdministratorAccount",
  "guardduty:DisassociateFromMasterAccount",
  "guardduty:DisassociateMembers",
  "guardduty:StopMonitoringMembers",
  "guardduty:UpdateDetector",
  "guardduty:UpdatePublishingDestination",
];

/** Every IAM action that changes a role's trust, permissions, boundary or existence. */
export const ROLE_CHANGE_ACTIONS: readonly string[] = [
  "iam:AttachRolePolicy",
  "iam:CreateRole",
  "iam:DeleteRole",
  "iam:DeleteRolePermissionsBoundary",
  "iam:DeleteRolePolicy",
  "iam:DetachRolePolicy",
  "iam:PutRolePermissionsBoundary",
  "iam:PutRolePolicy",
  "iam:TagRole",
  "iam:UntagRole",
  "iam:UpdateAssumeRolePolicy",
  "iam:UpdateRole",
  "iam:UpdateRoleDescription",
];

function exemptUnlessPrincipal(patterns: readonly string[]): ConditionBlock | undefined {
  return patterns.length === 0 ? undefined : { ArnNotLike: { "aws:PrincipalARN": [...patterns] } };
}

function withCondition(statement: Omit<ScpStatement, "Condition">, condition: ConditionBlock | undefined): ScpStatement {
  return condition ? { ...statement, Condition: condition } : statement;
}

/** All guardrail statements for the input, in a fixed order (documents are packed in this order). */
export function guardrailStatements(input: GuardrailInput): ScpStatement[] {
  const partition = input.partition ?? "aws";
  const management = input.managementExemptPrincipalArnPatterns ?? [];
  const managementExempt = exemptUnlessPrincipal(management);
  const drRoleNames = [...input.replicationRoleNamePatterns, ...input.failoverRoleNamePatterns];
  return [
    { Sid: "DenyLeaveOrganization", Effect: "Deny", Action: ["organizations:LeaveOrganization"], Resource: "*" },
    {
      Sid: "DenyRootUser",
      Effect: "Deny",
      Action: ["*"],
      Resource: "*",
      Condition: { StringLike: { "aws:PrincipalArn": [`arn:${partition}:iam::*:root`] } },
    },
    withCondition({ Sid: "ProtectCloudTrail", Effect: "Deny", Action: CLOUDTRAIL_TAMPER_ACTIONS, Resource: "*" }, managementExempt),
    withCondition({ Sid: "ProtectConfig", Effect: "Deny", Action: CONFIG_TAMPER_ACTIONS, Resource: "*" }, managementExempt),
    withCondition({ Sid: "ProtectGuardDuty", Effect: "Deny", Action: GUARDDUTY_TAMPER_ACTIONS, Resource: "*" }, managementExempt),
    withCondition(
      { Sid: "DenyShortKmsDeletionWindow", Effect: "Deny", Action: ["kms:ScheduleKeyDeletion"], Resource: "*" },
      {
        NumericLessThan: { "kms:ScheduleKeyDeletionPendingWindowInDays": KMS_MINIMUM_DELETION_WINDOW_DAYS },
        ...exemptUnlessPrincipal(management),
      },
    ),
    withCondition({ Sid: "DenyKmsRotationDisable", Effect: "Deny", Action: ["kms:DisableKeyRotation"], Resource: "*" }, managementExempt),
    {
      Sid: "ProtectDrRoles",
      Effect: "Deny",
      Action: ROLE_CHANGE_ACTIONS,
      Resource: drRoleNames.map((name) => `arn:${partition}:iam::*:role/${name}`),
      Condition: { ArnNotLike: { "aws:PrincipalARN": [input.deployerRoleArnPattern, ...management] } },
    },
    {
      Sid: "DenyOutsideDrRegions",
      Effect: "Deny",
      NotAction: [...AWS_GLOBAL_SERVICE_ACTIONS, ...(input.extraGlobalActions ?? [])],
      Resource: "*",
      Condition: {
        StringNotEquals: { "aws:RequestedRegion": [...input.drRegions] },
        ArnNotLike: { "aws:PrincipalARN": [input.breakGlassRoleArnPattern, ...management] },
      },
    },
  ];
}
