import { signV4 } from "./sigv4";
import {
  type ConnectResult,
  type CrmKind,
  CrmRequestError,
  type HttpRequest,
  lookupResult,
  salesforceContactByPhone,
  salesforceHealth,
  type SalesforceSecret,
  salesforceTokenRequest,
  secretFor,
  serviceNowCallerByPhone,
  serviceNowHealth,
  type ServiceNowSecret,
} from "./crm-requests";

/**
 * A CRM lookup for Amazon Connect flows (one function per CRM, the same name in both Regions): finds
 * the caller by phone number, or answers a health check (`{ "healthCheck": true }`) by calling the
 * CRM with its credentials. The credentials come from Secrets Manager in this Region (the replica in
 * the secondary Region), fetched with a signed request and cached for five minutes.
 */
const env = process.env;
const KIND = env.CRM_KIND as CrmKind;
const INSTANCE_URL = env.CRM_INSTANCE_URL ?? "";
const SECRET_ID = env.CRM_SECRET_ID ?? "";
const TIMEOUT_MS = Number(env.CRM_TIMEOUT_MS ?? "2500");
const REGION = env.AWS_REGION ?? "";
const SECRET_TTL_MS = 300_000;

let cached: { value: string; until: number } | undefined;

async function call(request: HttpRequest): Promise<unknown> {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw new Error(`${KIND} answered ${response.status} to ${request.method} ${new URL(request.url).pathname}`);
  return response.json();
}

async function secretString(): Promise<string> {
  if (cached && cached.until > Date.now()) return cached.value;
  const host = `secretsmanager.${REGION}.amazonaws.com`;
  const body = JSON.stringify({ SecretId: SECRET_ID });
  const headers = signV4(
    { method: "POST", host, path: "/", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "secretsmanager.GetSecretValue" }, body },
    { accessKeyId: env.AWS_ACCESS_KEY_ID ?? "", secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? "", sessionToken: env.AWS_SESSION_TOKEN },
    REGION,
    "secretsmanager",
    new Date(),
  );
  const { host: _host, ...sendHeaders } = headers;
  const result = (await call({ method: "POST", url: `https://${host}/`, headers: sendHeaders, body })) as { SecretString?: string };
  if (typeof result.SecretString !== "string") throw new Error("the CRM secret has no SecretString");
  cached = { value: result.SecretString, until: Date.now() + SECRET_TTL_MS };
  return result.SecretString;
}

async function salesforceToken(secret: SalesforceSecret): Promise<string> {
  const token = (await call(salesforceTokenRequest(INSTANCE_URL, secret))) as { access_token?: string };
  if (!token.access_token) throw new Error("salesforce returned no access token");
  return token.access_token;
}

interface ConnectEvent {
  readonly healthCheck?: boolean;
  readonly Details?: { readonly ContactData?: { readonly CustomerEndpoint?: { readonly Address?: string } }; readonly Parameters?: Record<string, string> };
}

export async function handler(event: ConnectEvent): Promise<ConnectResult> {
  const secret = secretFor(KIND, await secretString());
  if (event.healthCheck === true) {
    if (KIND === "salesforce") await call(salesforceHealth(INSTANCE_URL, await salesforceToken(secret as SalesforceSecret)));
    else await call(serviceNowHealth(INSTANCE_URL, secret as ServiceNowSecret));
    return { healthy: "true", crm: KIND, region: REGION };
  }
  const phone = event.Details?.Parameters?.phone ?? event.Details?.ContactData?.CustomerEndpoint?.Address;
  try {
    const request = KIND === "salesforce"
      ? salesforceContactByPhone(INSTANCE_URL, await salesforceToken(secret as SalesforceSecret), phone ?? "")
      : serviceNowCallerByPhone(INSTANCE_URL, secret as ServiceNowSecret, phone ?? "");
    return lookupResult(KIND, await call(request));
  } catch (error) {
    // A caller without a usable number is not an outage: the flow takes its not-found branch.
    if (error instanceof CrmRequestError) return { found: "false", reason: error.message };
    throw error;
  }
}
