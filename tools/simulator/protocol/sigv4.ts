/**
 * Reads the caller's identity from a SigV4 `Authorization` header.
 *
 * The simulator does not verify signatures (any credentials are accepted), but the credential
 * scope tells it which Region the client signed for and which access key id it used; the access
 * key id maps to an account, so one simulator serves several accounts and Regions at once.
 */

/** The parts of the credential scope the simulator uses. */
export interface CallerScope {
  readonly accessKeyId: string;
  /** Region from the credential scope, e.g. `us-east-1`. */
  readonly region: string;
  /** Service from the credential scope; the SDK signs Connect requests as `connect`. */
  readonly service: string;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/;

/** Parses `AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/connect/aws4_request, ...`. */
export function parseAuthorization(header: string | undefined): CallerScope | undefined {
  if (!header) return undefined;
  const match = CREDENTIAL.exec(header);
  if (!match) return undefined;
  return { accessKeyId: match[1]!, region: match[3]!, service: match[4]! };
}
