import { createHash } from "node:crypto";
import type { AttributeValue } from "@aws-sdk/client-dynamodb";

/**
 * Attributes the legacy (2017.11.29) global tables version writes on every replica with replica-local
 * values: they differ between replicas of the same item, so they are left out of its hash.
 */
export const REPLICATION_ATTRIBUTES: readonly string[] = ["aws:rep:updatetime", "aws:rep:updateregion", "aws:rep:deleting"];

/** A canonical text of an attribute value: map keys and set members sorted, so equal items write equal text. Pure. */
export function canonical(value: AttributeValue): string {
  const v = value as unknown as Record<string, unknown>;
  if (v.M) return `{${Object.keys(v.M as object).sort().map((k) => `${JSON.stringify(k)}:${canonical((v.M as Record<string, AttributeValue>)[k])}`).join(",")}}`;
  if (v.L) return `[${(v.L as AttributeValue[]).map(canonical).join(",")}]`;
  if (v.SS) return `SS${JSON.stringify([...(v.SS as string[])].sort())}`;
  if (v.NS) return `NS${JSON.stringify([...(v.NS as string[])].map(Number).sort((a, b) => a - b))}`;
  if (v.BS) return `BS${JSON.stringify([...(v.BS as Uint8Array[])].map((b) => Buffer.from(b).toString("base64")).sort())}`;
  if (v.B) return `B${Buffer.from(v.B as Uint8Array).toString("base64")}`;
  if (v.N !== undefined) return `N${Number(v.N)}`;
  if (v.S !== undefined) return `S${JSON.stringify(v.S)}`;
  if (v.BOOL !== undefined) return `BOOL${v.BOOL}`;
  if (v.NULL) return "NULL";
  return JSON.stringify(v);
}

/** The item's key as text (the key attributes in key-schema order). */
export function keyOf(item: Record<string, AttributeValue>, keyNames: readonly string[]): string {
  return keyNames.map((k) => canonical(item[k])).join("|");
}

/** SHA-256 of the item without the replication attributes. Pure. */
export function itemHash(item: Record<string, AttributeValue>): string {
  const kept: Record<string, AttributeValue> = {};
  for (const k of Object.keys(item)) if (!REPLICATION_ATTRIBUTES.includes(k)) kept[k] = item[k];
  return createHash("sha256").update(canonical({ M: kept })).digest("base64");
}
