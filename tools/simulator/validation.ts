/**
 * Input rules the service enforces beyond AWS's model (which `model/` checks before any handler):
 * limits the API model does not declare (a flow name's 127 characters, MaxContacts' 10,000, VOICE
 * concurrency 1, at most 50 tags on a resource after TagResource). Each failure is an
 * InvalidParameterException naming the member, the value found and what is allowed. (A few enum and
 * tag checks the model now makes first remain in instance-attribute and phone-number handlers that
 * parallel work is rewriting; they can go with it.)
 */
import { invalidParameter } from "./errors";

/** Rejects a value outside an SDK enum (e.g. `Object.values(QueueStatus)`). */
export function requireEnum<T extends string>(member: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw invalidParameter(`${member} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

/** Rejects a string outside [min, max] characters. */
export function requireLength(member: string, value: unknown, min: number, max: number): string {
  if (typeof value !== "string" || value.length < min || value.length > max) {
    throw invalidParameter(`${member} must be a string of ${min} to ${max} characters, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Rejects a number that is not an integer in [min, max]. */
export function requireIntegerInRange(member: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw invalidParameter(`${member} must be an integer between ${min} and ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Tag rules of the Connect API: at most 50 tags, keys 1-128 characters not starting with `aws:`, values up to 256. */
export function validateTags(tags: unknown): Record<string, string> {
  if (tags === undefined) return {};
  if (tags === null || typeof tags !== "object" || Array.isArray(tags)) throw invalidParameter("tags must be a map of strings");
  const entries = Object.entries(tags as Record<string, unknown>);
  if (entries.length > 50) throw invalidParameter(`At most 50 tags are allowed, got ${entries.length}`);
  for (const [key, value] of entries) {
    if (key.length < 1 || key.length > 128) throw invalidParameter(`Tag key must be 1 to 128 characters, got ${JSON.stringify(key)}`);
    if (key.toLowerCase().startsWith("aws:")) throw invalidParameter(`Tag key must not start with aws:, got ${JSON.stringify(key)}`);
    if (typeof value !== "string" || value.length > 256) throw invalidParameter(`Tag value for ${key} must be a string of at most 256 characters`);
  }
  return { ...(tags as Record<string, string>) };
}
