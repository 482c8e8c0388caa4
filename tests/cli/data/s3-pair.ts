import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalS3, type LocalS3 } from "../../support/s3rver-features";

export const SOURCE_BUCKET = "cc-contact-records";
export const VAULT_BUCKET = "cc-contact-records-vault";
export const WORK_BUCKET = "cc-contact-records-restored";

/** Two s3rver instances as two Regions: the archive in us-east-1, its vault (and a working bucket) in us-west-2. */
export interface S3Pair {
  readonly east: LocalS3;
  readonly west: LocalS3;
  readonly tmp: string;
  readonly eastClient: S3Client;
  readonly westClient: S3Client;
  put(side: "east" | "west", bucket: string, key: string, body: string | Buffer, at: Date): Promise<void>;
  close(): Promise<void>;
}

const client = (endpoint: string, region: string) =>
  new S3Client({ endpoint, region, forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });

export async function startS3Pair(): Promise<S3Pair> {
  const tmp = mkdtempSync(join(tmpdir(), "connect-dr-data-"));
  const east = await startLocalS3(join(tmp, "east"), [SOURCE_BUCKET]);
  const west = await startLocalS3(join(tmp, "west"), [VAULT_BUCKET, WORK_BUCKET]);
  east.features.versioned.add(SOURCE_BUCKET);
  east.features.replication.set(SOURCE_BUCKET, VAULT_BUCKET);
  west.features.versioned.add(VAULT_BUCKET);
  west.features.versioned.add(WORK_BUCKET);
  const eastClient = client(east.endpoint, "us-east-1");
  const westClient = client(west.endpoint, "us-west-2");
  return {
    east,
    west,
    tmp,
    eastClient,
    westClient,
    async put(side, bucket, key, body, at) {
      await (side === "east" ? eastClient : westClient).send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: typeof body === "string" ? Buffer.from(body) : body }));
      (side === "east" ? east : west).setLastModified(bucket, key, at);
    },
    async close() {
      await east.close();
      await west.close();
      eastClient.destroy();
      westClient.destroy();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Every file under `dir` with its size and mtime: proves a command wrote nothing there. */
export function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.endsWith(".md5")) out.push(`${p} ${statSync(p).size} ${statSync(p).mtimeMs}`);
    }
  };
  walk(dir);
  return out.sort();
}
