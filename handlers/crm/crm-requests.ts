/**
 * The REST calls the CRM functions make, as plain request descriptions (pure and table-tested); the
 * handler only adds fetch, the secret and a timeout.
 */

export type CrmKind = "salesforce" | "servicenow";

/** Salesforce: OAuth 2.0 client-credentials flow of a connected app. */
export interface SalesforceSecret {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** ServiceNow: a least-privilege integration user (basic auth over TLS). */
export interface ServiceNowSecret {
  readonly username: string;
  readonly password: string;
}

export interface HttpRequest {
  readonly method: "GET" | "POST";
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** Salesforce REST API version the function speaks. */
export const SALESFORCE_API_VERSION = "v61.0";

/** E.164 phone numbers only: the value goes into a query, so nothing else is let through. */
const E164 = /^\+[1-9]\d{6,14}$/;

export class CrmRequestError extends Error {}

export function requireE164(phone: unknown): string {
  if (typeof phone !== "string" || !E164.test(phone)) throw new CrmRequestError(`phone must be an E.164 number such as +14155550100, got ${JSON.stringify(phone)}`);
  return phone;
}

export function secretFor(kind: CrmKind, raw: string): SalesforceSecret | ServiceNowSecret {
  const value = JSON.parse(raw) as Record<string, unknown>;
  const fields = kind === "salesforce" ? ["clientId", "clientSecret"] : ["username", "password"];
  for (const field of fields) {
    if (typeof value[field] !== "string" || value[field] === "") throw new CrmRequestError(`the ${kind} secret lacks '${field}'`);
  }
  return value as unknown as SalesforceSecret | ServiceNowSecret;
}

export function salesforceTokenRequest(instanceUrl: string, secret: SalesforceSecret): HttpRequest {
  const form = new URLSearchParams({ grant_type: "client_credentials", client_id: secret.clientId, client_secret: secret.clientSecret });
  return { method: "POST", url: `${instanceUrl}/services/oauth2/token`, headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" }, body: form.toString() };
}

export function salesforceContactByPhone(instanceUrl: string, accessToken: string, phone: string): HttpRequest {
  const soql = `SELECT Id, Name, AccountId FROM Contact WHERE Phone = '${requireE164(phone)}' OR MobilePhone = '${phone}' LIMIT 1`;
  return {
    method: "GET",
    url: `${instanceUrl}/services/data/${SALESFORCE_API_VERSION}/query?q=${encodeURIComponent(soql)}`,
    headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
  };
}

/** Health: the org's API limits, which needs a valid token and a reachable org. */
export function salesforceHealth(instanceUrl: string, accessToken: string): HttpRequest {
  return { method: "GET", url: `${instanceUrl}/services/data/${SALESFORCE_API_VERSION}/limits`, headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" } };
}

function basic(secret: ServiceNowSecret): string {
  return `Basic ${Buffer.from(`${secret.username}:${secret.password}`, "utf8").toString("base64")}`;
}

export function serviceNowCallerByPhone(instanceUrl: string, secret: ServiceNowSecret, phone: string): HttpRequest {
  const query = new URLSearchParams({ sysparm_query: `phone=${requireE164(phone)}^ORmobile_phone=${phone}`, sysparm_fields: "sys_id,name,email", sysparm_limit: "1" });
  return { method: "GET", url: `${instanceUrl}/api/now/table/sys_user?${query.toString()}`, headers: { authorization: basic(secret), accept: "application/json" } };
}

/** Health: one row of a table every integration user can read. */
export function serviceNowHealth(instanceUrl: string, secret: ServiceNowSecret): HttpRequest {
  return { method: "GET", url: `${instanceUrl}/api/now/table/sys_user?sysparm_limit=1&sysparm_fields=sys_id`, headers: { authorization: basic(secret), accept: "application/json" } };
}

/** Amazon Connect accepts only a flat map of strings from a Lambda function. */
export type ConnectResult = Record<string, string>;

export function lookupResult(kind: CrmKind, body: unknown): ConnectResult {
  if (kind === "salesforce") {
    const record = (body as { records?: { Id: string; Name?: string; AccountId?: string }[] }).records?.[0];
    return record ? { found: "true", crmId: record.Id, name: record.Name ?? "", accountId: record.AccountId ?? "" } : { found: "false" };
  }
  const row = (body as { result?: { sys_id: string; name?: string; email?: string }[] }).result?.[0];
  return row ? { found: "true", crmId: row.sys_id, name: row.name ?? "", email: row.email ?? "" } : { found: "false" };
}
