/** `s3://bucket/prefix` as the data commands take it. */
export interface S3Location {
  readonly bucket: string;
  /** Key prefix, "" for the whole bucket; kept as given (a trailing "/" matters to S3). */
  readonly prefix: string;
}

// S3 bucket naming rules: 3-63 characters, lower case letters, digits, dots and hyphens.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Parses `s3://bucket[/prefix]`; the error names what is wrong and what is allowed. */
export function parseS3Location(value: string): S3Location {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(value);
  if (!match) throw new Error(`expected s3://<bucket>[/<prefix>]`);
  if (!BUCKET.test(match[1])) throw new Error(`bucket "${match[1]}" is not a valid S3 bucket name (3-63 of a-z, 0-9, '.', '-')`);
  return { bucket: match[1], prefix: match[2] ?? "" };
}

export function formatS3Location(l: S3Location): string {
  return `s3://${l.bucket}/${l.prefix}`;
}
