/**
 * EventBridge's matching of an event against a rule's event pattern, for the patterns this project
 * deploys: every field the pattern names must be in the event; an array lists the values accepted
 * (exact match); an object is matched field by field. (Content filters such as prefix or numeric
 * ranges are not used by the project and are refused here rather than guessed.)
 */
export function matchesEventPattern(pattern: unknown, event: unknown): boolean {
  if (Array.isArray(pattern)) {
    if (pattern.some((v) => typeof v === "object" && v !== null)) throw new Error(`content filters are not supported: ${JSON.stringify(pattern)}`);
    return (Array.isArray(event) ? event : [event]).some((value) => pattern.includes(value));
  }
  if (typeof pattern !== "object" || pattern === null) throw new Error(`a pattern field must be an array or an object, found ${JSON.stringify(pattern)}`);
  if (typeof event !== "object" || event === null) return false;
  return Object.entries(pattern).every(([key, sub]) => key in event && matchesEventPattern(sub, (event as Record<string, unknown>)[key]));
}
