import { mkdir, readFile, readdir, rename, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { MissingObjectError, type BackupStore } from "./backup-store";

/** A backup in a local directory. Writes go to a temporary file and are renamed into place. */
export class DirStore implements BackupStore {
  readonly location: string;

  constructor(root: string) {
    this.location = resolve(root);
  }

  private full(path: string): string {
    const p = resolve(this.location, path);
    if (p !== this.location && !p.startsWith(this.location + sep)) throw new Error(`object path escapes the backup directory: ${path}`);
    return p;
  }

  async list(): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
        throw err;
      }
      for (const e of entries) {
        const p = join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (e.isFile() && !e.name.endsWith(".tmp")) out.push(relative(this.location, p).split(sep).join("/"));
      }
    };
    await walk(this.location);
    return out.sort();
  }

  async absence(): Promise<string | undefined> {
    try {
      if (!(await stat(this.location)).isDirectory()) return "is not a folder";
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return "does not exist";
      throw err;
    }
    return (await this.list()).length === 0 ? "is an empty folder" : undefined;
  }

  async read(path: string): Promise<Buffer> {
    try {
      return await readFile(this.full(path));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new MissingObjectError(path, this.location);
      throw err;
    }
  }

  async write(path: string, body: Buffer): Promise<void> {
    const p = this.full(path);
    await mkdir(dirname(p), { recursive: true });
    const tmp = `${p}.${process.pid}.tmp`;
    await writeFile(tmp, body);
    await rename(tmp, p);
  }
}
