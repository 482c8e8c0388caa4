import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

/** The output folder exists and holds files; nothing was written. */
export class OutputExistsError extends Error {
  constructor(readonly dir: string) {
    super(`${dir} already exists and is not empty; pass --force to replace it, or choose another --out`);
    this.name = "OutputExistsError";
  }
}

/**
 * Writes every file into a temporary folder beside `dir`, then renames it into place, so a failure
 * leaves either the old folder or the complete new one, never a half-written export.
 */
export async function writeAtomically(dir: string, files: readonly { name: string; text: string }[], force = false): Promise<string> {
  const target = resolve(dir);
  if (existsSync(target) && (await readdir(target)).length > 0 && !force) throw new OutputExistsError(target);
  await mkdir(dirname(target), { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const tmp = join(dirname(target), `.${basename(target)}.tmp-${tag}`);
  await mkdir(tmp);
  try {
    for (const f of files) await writeFile(join(tmp, f.name), f.text, "utf8");
    if (existsSync(target)) {
      const old = join(dirname(target), `.${basename(target)}.old-${tag}`);
      await rename(target, old);
      await rename(tmp, target);
      await rm(old, { recursive: true, force: true });
    } else await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  return target;
}
