/**
 * Thrown by a component constructor when an argument is invalid, before any child is created.
 * The message names the argument, the value found and what is allowed.
 */
export class ArgumentError extends Error {
  constructor(
    readonly component: string,
    readonly argument: string,
    readonly value: unknown,
    readonly allowed: string,
  ) {
    super(`${component}: invalid '${argument}' = ${JSON.stringify(value)}; ${allowed}`);
    this.name = "ArgumentError";
  }
}
