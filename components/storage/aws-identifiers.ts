/**
 * Shapes of AWS identifiers that component arguments carry, and the pieces of an ARN the components
 * read (partition, Region, account) so that policies name exactly the Region or account a resource is in.
 */

const ACCOUNT_ID = /^\d{12}$/;
// Commercial, GovCloud and China Regions: us-east-1, us-gov-west-1, cn-north-1, ap-southeast-5 ...
const REGION_NAME = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

/** True for a 12-digit AWS account id. */
export function isAccountId(value: unknown): value is string {
  return typeof value === "string" && ACCOUNT_ID.test(value);
}

/** True for a string shaped like an AWS Region name such as `us-east-1`. */
export function isRegionName(value: unknown): value is string {
  return typeof value === "string" && REGION_NAME.test(value);
}

/** The colon-separated fields of an ARN: `arn:partition:service:region:account:resource`. */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** Splits an ARN into its fields; throws naming the value when it is not an ARN. */
export function parseArn(arn: string): ArnParts {
  const fields = arn.split(":");
  if (fields.length < 6 || fields[0] !== "arn" || !fields[1] || !fields[2]) {
    throw new Error(`not an ARN: ${JSON.stringify(arn)}; expected arn:<partition>:<service>:<region>:<account>:<resource>`);
  }
  return {
    partition: fields[1],
    service: fields[2],
    region: fields[3],
    account: fields[4],
    resource: fields.slice(5).join(":"),
  };
}

/**
 * The Region a regional resource lives in, read from its ARN; throws when the ARN carries no Region
 * (global resources such as S3 buckets and IAM roles).
 */
export function regionOfArn(arn: string): string {
  const { region } = parseArn(arn);
  if (!isRegionName(region)) throw new Error(`ARN ${JSON.stringify(arn)} names no Region; expected a regional resource ARN`);
  return region;
}
