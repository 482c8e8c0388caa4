/** Where a backup lives: a local directory or an S3 prefix. Paths are `/`-separated and relative. */
export interface BackupStore {
  /** Human-readable location (`/path/to/dir`, `s3://bucket/prefix`). */
  readonly location: string;
  /** Every object path under the store, relative, sorted. */
  list(): Promise<string[]>;
  /** Reads an object; throws `MissingObjectError` when absent. */
  read(path: string): Promise<Buffer>;
  write(path: string, body: Buffer): Promise<void>;
  /**
   * Why there is no backup here at all (`does not exist`, `is empty`), or undefined when the location
   * holds something. Lets a reader tell a wrong location from an interrupted backup.
   */
  absence?(): Promise<string | undefined>;
}

export class MissingObjectError extends Error {
  constructor(readonly path: string, location: string) {
    super(`${path}: not found in ${location}`);
    this.name = "MissingObjectError";
  }
}
