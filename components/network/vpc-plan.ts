/**
 * Pure pieces of the per-Region VPC (`RegionalVpc`): which AWS services get an interface endpoint,
 * their service names, the flow-log key and role policies, and the checks on the VPC's address plan.
 */

/**
 * AWS APIs the Connect-facing functions call inside their own Region, reached through interface
 * endpoints so the calls never leave the VPC: Secrets Manager (CRM credentials), KMS (decrypting them),
 * CloudWatch (the peer probe's PutMetricData). The peer Region's Connect API and the CRMs' HTTPS APIs
 * are outside this Region, so they go through the NAT gateways.
 */
export const DEFAULT_INTERFACE_ENDPOINTS = ["secretsmanager", "kms", "monitoring"] as const;

/** Services an interface endpoint may be requested for (lower-case endpoint prefixes AWS documents). */
export const INTERFACE_ENDPOINT_SERVICES = ["secretsmanager", "kms", "monitoring", "logs", "sts", "lambda", "sns", "events", "ssm"] as const;
export type InterfaceEndpointService = (typeof INTERFACE_ENDPOINT_SERVICES)[number];

/** `com.amazonaws.<region>.<service>`: the service name of an AWS interface endpoint. */
export function endpointServiceName(region: string, service: string): string {
  return `com.amazonaws.${region}.${service}`;
}

/** The three RFC 1918 blocks: a VPC that peers with on-premises over Direct Connect uses private space. */
const RFC1918: readonly [number, number][] = [
  [0x0a000000, 8],
  [0xac100000, 12],
  [0xc0a80000, 16],
];

function toInt(address: string): number {
  return address.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
}

/** True when `cidr` (a valid IPv4 CIDR) lies wholly inside 10/8, 172.16/12 or 192.168/16. */
export function isRfc1918Cidr(cidr: string): boolean {
  const [address, bits] = cidr.split("/");
  const prefix = Number(bits);
  const value = toInt(address!);
  return RFC1918.some(([base, baseBits]) => prefix >= baseBits && Math.floor(value / 2 ** (32 - baseBits)) === Math.floor(base / 2 ** (32 - baseBits)));
}

/** True when IPv4 CIDR `outer` covers all of IPv4 CIDR `inner` (same block or wider). */
export function cidrContains(outer: string, inner: string): boolean {
  const [outerAddress, outerBits] = outer.split("/");
  const [innerAddress, innerBits] = inner.split("/");
  const bits = Number(outerBits);
  if (Number(innerBits) < bits) return false;
  const block = 2 ** (32 - bits);
  return Math.floor(toInt(outerAddress!) / block) === Math.floor(toInt(innerAddress!) / block);
}

/** The prefix length of an IPv4 CIDR. */
export function prefixLength(cidr: string): number {
  return Number(cidr.split("/")[1]);
}

/**
 * Key policy of the flow-log CMK: the owning account administers it through IAM; CloudWatch Logs in
 * this Region may use it only for this VPC's flow-log group (encryption-context condition).
 */
export function flowLogKeyPolicy(accountId: string, region: string, logGroupName: string): object {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "EnableIamPoliciesOfOwningAccount", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "kms:*", Resource: "*" },
      {
        Sid: "CloudWatchLogsEncryptFlowLogs",
        Effect: "Allow",
        Principal: { Service: `logs.${region}.amazonaws.com` },
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        Resource: "*",
        Condition: { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:${accountId}:log-group:${logGroupName}` } },
      },
    ],
  };
}

/** Trust policy of the role VPC Flow Logs assumes to write to CloudWatch Logs (confused-deputy guarded). */
export function flowLogTrustPolicy(accountId: string, region: string): object {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "vpc-flow-logs.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": accountId }, ArnLike: { "aws:SourceArn": `arn:aws:ec2:${region}:${accountId}:vpc-flow-log/*` } },
      },
    ],
  };
}

/**
 * What the flow-log role may do: AWS's documented flow-log policy (VPC User Guide, "IAM role for
 * publishing flow logs to CloudWatch Logs") without logs:CreateLogGroup, since the group is created
 * here, and scoped to that group: CreateLogStream and PutLogEvents take a log stream,
 * DescribeLogStreams the group; DescribeLogGroups takes no resource.
 */
export function flowLogRolePolicy(logGroupArn: string): object {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "ListGroups", Effect: "Allow", Action: "logs:DescribeLogGroups", Resource: "*" },
      { Sid: "ListStreams", Effect: "Allow", Action: "logs:DescribeLogStreams", Resource: logGroupArn },
      { Sid: "WriteStreams", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${logGroupArn}:log-stream:*` },
    ],
  };
}
