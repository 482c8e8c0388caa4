/**
 * Actions a Region-deny SCP must exempt because the service is global (its endpoint lives in
 * us-east-1 or us-west-2 whatever Region a caller works in).
 *
 * Source: AWS Organizations User Guide, "Example SCPs: Deny access to AWS based on the requested AWS
 * Region" (orgs_manage_policies_scps_examples_general.html). AWS notes the list may lag new global
 * services; extend it through `GuardrailInput.extraGlobalActions` rather than editing this copy.
 */
export const AWS_GLOBAL_SERVICE_ACTIONS: readonly string[] = [
  "a4b:*",
  "acm:*",
  "aws-marketplace-management:*",
  "aws-marketplace:*",
  "aws-portal:*",
  "budgets:*",
  "ce:*",
  "chime:*",
  "cloudfront:*",
  "config:*",
  "cur:*",
  "directconnect:*",
  "ec2:DescribeRegions",
  "ec2:DescribeTransitGateways",
  "ec2:DescribeVpnGateways",
  "fms:*",
  "globalaccelerator:*",
  "health:*",
  "iam:*",
  "importexport:*",
  "kms:*",
  "mobileanalytics:*",
  "networkmanager:*",
  "organizations:*",
  "pricing:*",
  "route53:*",
  "route53domains:*",
  "route53-recovery-cluster:*",
  "route53-recovery-control-config:*",
  "route53-recovery-readiness:*",
  "s3:GetAccountPublic*",
  "s3:ListAllMyBuckets",
  "s3:ListMultiRegionAccessPoints",
  "s3:PutAccountPublic*",
  "shield:*",
  "sts:*",
  "support:*",
  "trustedadvisor:*",
  "waf-regional:*",
  "waf:*",
  "wafv2:*",
  "wellarchitected:*",
];
