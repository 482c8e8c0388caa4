/**
 * A stand-in for AWS STS `AssumeRole` (awsQuery protocol: a form-encoded POST to `/`, an XML answer),
 * and the temporary-credential rules every AWS API applies: a request signed with session credentials
 * must carry the session token (`x-amz-security-token`), and once the credentials expire the API
 * answers 403 `ExpiredTokenException`. Expiry is measured on the simulator clock, so a spec can move
 * time past a credential's lifetime without waiting for it.
 *
 * AWS reference: AssumeRole (DurationSeconds 900 to 43200, default 3600; RoleSessionName 2-64 of
 * `[\w+=,.@-]`), and the common errors ExpiredTokenException and UnrecognizedClientException.
 */
import { randomBytes, randomUUID } from "node:crypto";

/** The role-session credentials the simulator issued, by access key id. */
interface Session {
  readonly account: string;
  readonly sessionToken: string;
  readonly expiresAtMs: number;
}

/** An STS or common-AWS error: code, HTTP status, message. */
export interface StsError {
  readonly code: string;
  readonly status: number;
  readonly message: string;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

const randomKey = (length: number, alphabet: string): string => [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join("");

/** Sessions issued by AssumeRole and the checks of requests signed with them. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => Date) {}

  /** Serves one STS request (form-encoded body); returns the XML body or an error. */
  serve(body: string): { status: number; xml: string } {
    const form = new URLSearchParams(body);
    const action = form.get("Action");
    if (action !== "AssumeRole") return errorXml({ code: "InvalidAction", status: 400, message: `The simulator's STS serves AssumeRole only, not ${action ?? "(no Action)"}` });
    const roleArn = form.get("RoleArn") ?? "";
    const account = ROLE_ARN.exec(roleArn)?.[1];
    if (!account) return errorXml({ code: "ValidationError", status: 400, message: `RoleArn: ${JSON.stringify(roleArn)} is not an IAM role ARN` });
    const sessionName = form.get("RoleSessionName") ?? "";
    if (!SESSION_NAME.test(sessionName)) return errorXml({ code: "ValidationError", status: 400, message: `RoleSessionName: ${JSON.stringify(sessionName)} must be 2-64 characters of [\\w+=,.@-]` });
    const duration = form.has("DurationSeconds") ? Number(form.get("DurationSeconds")) : 3600;
    if (!Number.isInteger(duration) || duration < 900 || duration > 43_200) {
      return errorXml({ code: "ValidationError", status: 400, message: `DurationSeconds: ${form.get("DurationSeconds")} must be from 900 to 43200` });
    }
    const accessKeyId = `ASIA${randomKey(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")}`;
    const sessionToken = randomBytes(48).toString("base64");
    const expiresAtMs = this.now().getTime() + duration * 1000;
    this.sessions.set(accessKeyId, { account, sessionToken, expiresAtMs });
    const roleName = roleArn.slice(roleArn.lastIndexOf("/") + 1);
    return {
      status: 200,
      xml:
        `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>` +
        `<AccessKeyId>${accessKeyId}</AccessKeyId><SecretAccessKey>${randomBytes(30).toString("base64")}</SecretAccessKey>` +
        `<SessionToken>${sessionToken}</SessionToken><Expiration>${new Date(expiresAtMs).toISOString()}</Expiration></Credentials>` +
        `<AssumedRoleUser><AssumedRoleId>AROA${randomKey(17, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")}:${sessionName}</AssumedRoleId>` +
        `<Arn>arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}</Arn></AssumedRoleUser></AssumeRoleResult>` +
        `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></AssumeRoleResponse>`,
    };
  }

  /**
   * The account of a request signed with `accessKeyId`, when the simulator issued it: an error if
   * the session token is missing or wrong, or the credentials have expired. Undefined for keys it did
   * not issue (long-term keys, mapped by the `accounts` option).
   */
  check(accessKeyId: string, sessionToken: string | undefined): { account: string } | { error: StsError } | undefined {
    const session = this.sessions.get(accessKeyId);
    if (!session) return undefined;
    if (sessionToken !== session.sessionToken) return { error: { code: "UnrecognizedClientException", status: 403, message: "The security token included in the request is invalid." } };
    if (this.now().getTime() >= session.expiresAtMs) return { error: { code: "ExpiredTokenException", status: 403, message: "The security token included in the request is expired" } };
    return { account: session.account };
  }

  reset(): void {
    this.sessions.clear();
  }
}

function errorXml(error: StsError): { status: number; xml: string } {
  return {
    status: error.status,
    xml: `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${error.code}</Code><Message>${error.message.replace(/[<&>]/g, (c) => `&#${c.charCodeAt(0)};`)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  };
}
