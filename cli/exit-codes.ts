/** Exit codes of every connect-dr command (documented in docs/operations.md). */
export const EXIT = {
  /** The command did what was asked (diff: no differences; verify: backup valid). */
  OK: 0,
  /** Operational failure: AWS errors, an invalid backup, resources that failed to restore. */
  FAILURE: 1,
  /** Usage error: unknown command or flag, a missing or invalid argument. Nothing was done. */
  USAGE: 2,
  /** diff only: the two sides differ. */
  DIFFERENT: 3,
  /**
   * data commands: the data is not in a state to work on as asked (a bucket without versioning or
   * replication, a table without PITR, a window with no objects, a scratch name that exists). Nothing
   * was written.
   */
  PRECONDITION: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
