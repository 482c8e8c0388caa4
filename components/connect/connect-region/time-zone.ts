/**
 * The time-zone rule shared by ConnectRegion, the stack config and the CLI: pure, so the config and
 * the CLI can use it without loading the Pulumi runtime.
 */

/** True for a time zone name the IANA database (as Node's Intl knows it) resolves. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
