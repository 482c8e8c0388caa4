import type * as pulumi from "@pulumi/pulumi";

/**
 * Where a Connect-facing Lambda function runs: private subnets of the Region's VPC (`RegionalVpc`),
 * owned by the network account and shared with the function's account through AWS RAM.
 */
export interface LambdaVpcArgs {
  /** The VPC; the function's own security group is created in it. */
  readonly vpcId: pulumi.Input<string>;
  /** Private subnets, one per Availability Zone, with NAT egress and interface endpoints. */
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /** The account that owns the subnets (the network account); their ARNs name it. */
  readonly subnetOwnerAccountId: string;
}

/** One egress rule of a function's security group: TCP to a port, anywhere (the targets are host names). */
export interface EgressPort {
  readonly port: number;
  readonly description: string;
}

/** The subnets' ARNs, as IAM names them (`arn:aws:ec2:<region>:<owner>:subnet/<id>`). */
export function subnetArns(region: string, ownerAccountId: string, subnetIds: readonly string[]): string[] {
  return subnetIds.map((id) => `arn:aws:ec2:${region}:${ownerAccountId}:subnet/${id}`);
}

/**
 * Egress of a function's security group: only the TCP ports it needs, no ingress (Lambda is never
 * connected to). DNS goes to the VPC resolver, which security groups do not filter.
 */
export function functionEgress(ports: readonly EgressPort[]): { protocol: string; fromPort: number; toPort: number; cidrBlocks: string[]; description: string }[] {
  const unique = [...new Map(ports.map((p) => [p.port, p])).values()].sort((a, b) => a.port - b.port);
  return unique.map((p) => ({ description: p.description, protocol: "tcp", fromPort: p.port, toPort: p.port, cidrBlocks: ["0.0.0.0/0"] }));
}

/**
 * What the execution role of a function in a VPC needs (the permissions of AWS's
 * AWSLambdaVPCAccessExecutionRole), scoped: network interfaces of the function's account and Region,
 * created only in the given subnets with the given security group. The Describe calls take no resource.
 */
export function lambdaVpcAccessStatements(region: string, functionAccountId: string, subnets: readonly string[], securityGroupId: string): object[] {
  const interfaces = `arn:aws:ec2:${region}:${functionAccountId}:network-interface/*`;
  return [
    { Sid: "CreateInterfacesInOwnSubnets", Effect: "Allow", Action: "ec2:CreateNetworkInterface", Resource: [interfaces, `arn:aws:ec2:${region}:${functionAccountId}:security-group/${securityGroupId}`, ...subnets] },
    { Sid: "ManageOwnInterfaces", Effect: "Allow", Action: ["ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"], Resource: interfaces },
    { Sid: "DescribeNetwork", Effect: "Allow", Action: ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"], Resource: "*" },
  ];
}
