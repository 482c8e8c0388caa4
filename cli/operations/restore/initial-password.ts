import { randomInt } from "node:crypto";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+-=?@_";
/** CreateUser's Password pattern in AWS's model (the slashes of the published form removed). */
export const PASSWORD_PATTERN = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[a-zA-Z\d\S]{8,64}$/;

/**
 * A random first password for a CONNECT_MANAGED user created by restore. It is sent in CreateUser
 * only: never printed, logged, journalled or stored. Nobody knows it, so the user's first sign-in
 * goes through an administrator's password reset (docs/operations.md, "Users after a restore").
 */
export function initialPassword(length = 32): string {
  for (;;) {
    let out = "";
    for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
    if (PASSWORD_PATTERN.test(out)) return out;
  }
}
