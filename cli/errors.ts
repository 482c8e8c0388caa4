import { EXIT, type ExitCode } from "./exit-codes";

/** A mistake in how the command was called. Printed without a stack trace; exit code 2. */
export class UsageError extends Error {
  readonly exitCode: ExitCode = EXIT.USAGE;
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }

  /** `--flag "value": what is allowed`. */
  static invalid(flag: string, value: unknown, allowed: string): UsageError {
    return new UsageError(`${flag} ${JSON.stringify(value)}: ${allowed}`);
  }
}

/** A failure the user did not cause by how they called us (AWS errors, an invalid backup). Exit code 1. */
export class OperationalError extends Error {
  constructor(message: string, readonly exitCode: ExitCode = EXIT.FAILURE) {
    super(message);
    this.name = "OperationalError";
  }
}

/** Turns any error into the one line the user sees, with a hint for common AWS setup problems. */
export function describeError(err: unknown): string {
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = e?.name ?? "Error";
  const message = e?.message ?? String(err);
  if (name === "CredentialsProviderError") return `no AWS credentials found (${message}); set --profile, AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY`;
  if (/Region is missing/i.test(message)) return `no AWS Region configured; pass --region or set AWS_REGION`;
  if (name === "ResourceNotFoundException") return `not found: ${message}`;
  if (name === "AccessDeniedException") return `access denied: ${message}`;
  // Errors whose message already says what happened and what to check (cli/operations/aws-client/network-policy.ts).
  if (name === "UsageError" || name === "OperationalError" || name === "Error" || name === "EndpointUnreachableError" || name === "NonAwsResponseError" || name === "DataPreconditionError") return message;
  return `${name}: ${message}`;
}
