/** A parsed ARN. Fields are kept verbatim (an account may be a placeholder, a Region `$.AwsRegion`). */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

const ARN = /^arn:([a-z-]+):([a-z0-9-]+):([^:]*):([^:]*):(.+)$/;

export function parseArn(value: string): Arn | undefined {
  const m = ARN.exec(value);
  if (!m) return undefined;
  return { partition: m[1]!, service: m[2]!, region: m[3]!, account: m[4]!, resource: m[5]! };
}

export function formatArn(arn: Arn): string {
  return `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.account}:${arn.resource}`;
}

/** True for the flow-language Region variable and template placeholders, which must never be rewritten. */
export function isDynamic(field: string): boolean {
  return /[$%{}]/.test(field);
}

/**
 * An instance-scoped Connect resource ARN: `instance/<instanceId>/<segment>/<id>[/...]`.
 * Returns undefined for other ARNs.
 */
export function connectResource(arn: Arn): { instanceId: string; segment: string; id: string } | undefined {
  if (arn.service !== "connect") return undefined;
  const parts = arn.resource.split("/");
  if (parts[0] !== "instance" || parts.length < 4) return undefined;
  return { instanceId: parts[1]!, segment: parts[2]!, id: parts[3]! };
}
