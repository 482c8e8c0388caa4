/**
 * Service errors as Amazon Connect returns them.
 *
 * The HTTP status of each error comes from the SDK's own error schema (`httpError` trait), so a
 * `ResourceNotFoundException` is 404 and a `ThrottlingException` 429 exactly as the client expects.
 * On the wire the name travels in the `x-amzn-errortype` header (which the restJson1 deserializer
 * reads first) and the text in the body's `Message` member (the member the error shapes model).
 */
import * as connectSdk from "@aws-sdk/client-connect";
import { CONNECT_MODEL, validationErrorOf } from "./model/connect-model";

/** Error names the simulator raises; each is a modelled Connect exception. */
export type ConnectErrorName =
  | "AccessDeniedException"
  | "ContactFlowNotPublishedException"
  | "DuplicateResourceException"
  | "IdempotencyException"
  | "InternalServiceException"
  | "InvalidContactFlowException"
  | "InvalidContactFlowModuleException"
  | "InvalidParameterException"
  | "InvalidRequestException"
  | "LimitExceededException"
  | "ResourceConflictException"
  | "ResourceInUseException"
  | "ResourceNotFoundException"
  | "ResourceNotReadyException"
  | "ServiceQuotaExceededException"
  | "ThrottlingException";

/** Looks up the status code the SDK model assigns to an error shape. */
export function httpStatusOf(name: string): number {
  const schema = (connectSdk as Record<string, unknown>)[`${name}$`];
  if (Array.isArray(schema) && schema[0] === -3) {
    const traits = schema[3] as { httpError?: number };
    if (typeof traits.httpError === "number") return traits.httpError;
  }
  return 400;
}

/** An error the simulator returns to the client as a modelled service exception. */
export class ServiceError extends Error {
  /** HTTP status derived from the SDK's error schema. */
  readonly status: number;

  /**
   * @param errorType the Connect exception name the SDK maps to its class
   * @param message the human text (the body's `Message`)
   * @param fields further modelled members, e.g. `problems` of InvalidContactFlowException
   */
  constructor(
    readonly errorType: ConnectErrorName,
    message: string,
    readonly fields: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = errorType;
    this.status = httpStatusOf(errorType);
  }

  /** The JSON error body. `Message` is the modelled member; `message` is read by the SDK for `.message`. */
  body(): Record<string, unknown> {
    return { Message: this.message, message: this.message, ...this.fields };
  }
}

/** Shorthand for the most common error: an id that names nothing in this scope. */
export function notFound(what: string, id: string): ServiceError {
  return new ServiceError("ResourceNotFoundException", `${what} not found: ${id}`);
}

/** Shorthand for a parameter value the service rejects. */
export function invalidParameter(message: string): ServiceError {
  return new ServiceError("InvalidParameterException", message);
}

/** Shorthand for a request the service rejects as a whole. */
export function invalidRequest(message: string): ServiceError {
  return new ServiceError("InvalidRequestException", message);
}

/**
 * A request `operation` refuses for a reason its model cannot express (one member required when
 * another has some value, ...), answered with the validation error the operation's model lists.
 */
export function invalidInput(operation: string, message: string): ServiceError {
  return new ServiceError(validationErrorOf(operation), message);
}

/**
 * The first of `candidates` that `operation`'s model lists (the model decides which errors an
 * operation answers: DeleteHoursOfOperation lists no ResourceInUseException, so hours still in use
 * are an InvalidRequestException there), else its validation error.
 */
export function listedError(operation: string, candidates: readonly ConnectErrorName[], message: string): ServiceError {
  const listed = CONNECT_MODEL.operations[operation]?.errors ?? [];
  return new ServiceError(candidates.find((c) => listed.includes(c)) ?? validationErrorOf(operation), message);
}
