/**
 * AWS's Amazon Connect service model as the simulator uses it: the constraints table that
 * `generate-constraints.py` extracts from botocore (`connect-constraints.json`, committed, so
 * neither the simulator nor its tests need Python).
 */
import table from "./connect-constraints.json";

/** A shape of the model with the constraints that judge a value of it. */
export type ModelShape =
  | { readonly type: "string"; readonly min?: number; readonly max?: number; readonly pattern?: string; readonly enum?: readonly string[] }
  | { readonly type: "integer" | "long" | "float" | "double"; readonly min?: number; readonly max?: number }
  | { readonly type: "boolean" | "timestamp" | "blob" }
  | { readonly type: "list"; readonly member: string; readonly min?: number; readonly max?: number }
  | { readonly type: "map"; readonly key: string; readonly value: string; readonly min?: number; readonly max?: number }
  | {
      readonly type: "structure";
      /** Member name -> shape name. */
      readonly members: Readonly<Record<string, string>>;
      readonly required?: readonly string[];
      /** Exactly one member is set. */
      readonly union?: boolean;
      /** Members bound to the request URI (`{InstanceId}`). */
      readonly labels?: readonly string[];
    };

/** One operation: its input and output shapes and the errors the model lists for it. */
export interface ModelOperation {
  readonly input?: string;
  readonly output?: string;
  readonly errors: readonly string[];
}

/** The constraints table. */
export interface ConnectModel {
  readonly source: { readonly botocore: string; readonly service: string; readonly apiVersion: string };
  /** Error shape -> HTTP status. */
  readonly errors: Readonly<Record<string, number>>;
  readonly operations: Readonly<Record<string, ModelOperation>>;
  readonly shapes: Readonly<Record<string, ModelShape>>;
}

/** The committed model. */
export const CONNECT_MODEL: ConnectModel = table as unknown as ConnectModel;

/**
 * The error an operation answers a request that breaks its model with: InvalidParameterException
 * where the model lists it for the operation, else InvalidRequestException (every Connect operation
 * lists at least one of the two).
 */
export function validationErrorOf(operation: string, model: ConnectModel = CONNECT_MODEL): "InvalidParameterException" | "InvalidRequestException" {
  const errors = model.operations[operation]?.errors ?? [];
  return errors.includes("InvalidParameterException") || !errors.includes("InvalidRequestException") ? "InvalidParameterException" : "InvalidRequestException";
}
