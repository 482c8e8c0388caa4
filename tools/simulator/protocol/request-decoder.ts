/**
 * Turns an HTTP request into the operation's input object, the inverse of the SDK's restJson1
 * serializer: URI labels, query parameters and headers are placed into their members by the
 * catalog's bindings, the JSON body supplies the rest, and timestamps (epoch seconds on the wire)
 * become `Date`s. Judging the result (required members, types, constraints) is the model's job
 * (`../model/verdicts.ts`): a query value that is not a number stays a string for it to refuse.
 */
import { ServiceError } from "../errors";
import { validationErrorOf } from "../model/connect-model";
import type { MemberBinding, MemberKind, OperationSpec } from "./operation-catalog";

function convertScalar(kind: MemberKind | undefined, raw: string): unknown {
  switch (kind) {
    case "number": {
      const value = Number(raw);
      return raw.trim() !== "" && Number.isFinite(value) ? value : raw;
    }
    case "boolean":
      return raw === "true" ? true : raw === "false" ? false : raw;
    case "timestamp":
      return new Date(Number.isFinite(Number(raw)) ? Number(raw) * 1000 : raw);
    default:
      return raw;
  }
}

function fromQuery(binding: MemberBinding, query: URLSearchParams): unknown {
  const values = query.getAll(binding.locationName);
  if (values.length === 0) return undefined;
  if (binding.kind === "list") return values.map((v) => convertScalar(binding.elementKind, v));
  return convertScalar(binding.kind, values[0]!);
}

function fromBody(binding: MemberBinding, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (binding.kind === "timestamp") {
    if (typeof value === "number") return new Date(value * 1000);
    if (typeof value === "string") return new Date(value);
  }
  return value;
}

/**
 * Builds the input object for `operation`.
 * @param labels decoded URI labels from the router
 * @param query the request's query string
 * @param headers lower-cased request headers
 * @param body the raw request body (JSON for every Connect operation the simulator serves)
 */
export function decodeRequest(
  operation: OperationSpec,
  labels: Readonly<Record<string, string>>,
  query: URLSearchParams,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  body: string,
): Record<string, unknown> {
  let json: Record<string, unknown> = {};
  if (body.trim().length > 0) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
      else throw new Error("not an object");
    } catch {
      throw new ServiceError(validationErrorOf(operation.name), "The request body is not a JSON object");
    }
  }
  const input: Record<string, unknown> = {};
  for (const binding of operation.members) {
    let value: unknown;
    switch (binding.location) {
      case "label": value = labels[binding.name]; break;
      case "query": value = fromQuery(binding, query); break;
      case "header": {
        const raw = headers[binding.locationName];
        value = raw === undefined ? undefined : convertScalar(binding.kind, Array.isArray(raw) ? raw.join(",") : raw);
        break;
      }
      case "queryParams": value = undefined; break;
      case "payload": value = json; break;
      case "body": value = fromBody(binding, json[binding.name]); break;
    }
    if (value !== undefined) input[binding.name] = value;
  }
  return input;
}
