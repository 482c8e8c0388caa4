/**
 * Name rules for DynamoDB tables and attributes. Table names follow DynamoDB's own rule; attribute
 * names are held to the same character set (stricter than DynamoDB, which allows any UTF-8) so that
 * key and TTL attributes can be written in expressions and CLI calls without escaping.
 */

const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;
const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]{1,255}$/;

/** What a table name may be, for error messages. */
export const TABLE_NAME_RULE = "expected 3-255 characters from A-Z, a-z, 0-9, '_', '-' and '.'";
/** What an attribute name may be, for error messages. */
export const ATTRIBUTE_NAME_RULE = "expected 1-255 characters from A-Z, a-z, 0-9, '_', '-' and '.'";

/** True when DynamoDB accepts `value` as a table name. */
export function isTableName(value: unknown): value is string {
  return typeof value === "string" && TABLE_NAME.test(value);
}

/** True when `value` is a key or TTL attribute name this project accepts. */
export function isAttributeName(value: unknown): value is string {
  return typeof value === "string" && ATTRIBUTE_NAME.test(value);
}
