import { EXIT } from "../exit-codes";

/**
 * The data is not in a state the command can work on as asked (a bucket without versioning or
 * replication, a table without PITR, a window with no objects, a scratch name that exists). Nothing
 * was written. Exit code 4.
 */
export class DataPreconditionError extends Error {
  readonly exitCode = EXIT.PRECONDITION;
  constructor(message: string) {
    super(message);
    this.name = "DataPreconditionError";
  }
}
