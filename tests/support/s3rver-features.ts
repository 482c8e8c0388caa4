import { utimesSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";

/** s3rver ships no types: the part of its API these tests and benches use. */
export interface S3rverServer {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
  middleware: ((ctx: KoaContext, next: () => Promise<void>) => Promise<void>)[];
}
interface KoaContext {
  req: unknown;
  headers: Record<string, string | undefined>;
  response: { get(name: string): string };
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  body: unknown;
  type: string;
  set(name: string, value: string): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require("s3rver") as new (options: Record<string, unknown>) => S3rverServer;

/**
 * What s3rver does not implement and a replicated pair needs: bucket versioning and replication
 * configuration (read-only, as S3 answers GetBucketVersioning / GetBucketReplication) and the
 * x-amz-replication-status header S3 puts on HeadObject/GetObject. Everything else is s3rver's.
 */
export interface S3Features {
  /** Buckets whose versioning is Enabled. */
  readonly versioned: Set<string>;
  /** Source bucket -> destination bucket of its one enabled replication rule. */
  readonly replication: Map<string, string>;
  /** `bucket/key` -> replication status (COMPLETED, PENDING, FAILED, REPLICA). */
  readonly replicationStatus: Map<string, string>;
  /** Every write request: method, `bucket/key`, the S3 operation's query and the SSE-KMS key it asked for. */
  readonly writes: { method: string; target: string; query: string; kmsKeyId?: string; copySource?: string }[];
}

export interface LocalS3 {
  readonly endpoint: string;
  readonly directory: string;
  readonly features: S3Features;
  close(): Promise<void>;
  /** Sets an object's LastModified (s3rver reports the stored file's mtime). */
  setLastModified(bucket: string, key: string, at: Date): void;
}

/** One s3rver (a Region) on a free port with the buckets given, plus the features above. */
export async function startLocalS3(directory: string, buckets: readonly string[]): Promise<LocalS3> {
  const features: S3Features = { versioned: new Set(), replication: new Map(), replicationStatus: new Map(), writes: [] };
  let endpoint = "";
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory, configureBuckets: buckets.map((name) => ({ name, configs: [] })) });
  server.middleware.unshift(async (ctx, next) => {
    const [, bucket, ...rest] = ctx.path.split("/");
    const key = decodeURIComponent(rest.join("/"));
    if (ctx.method === "GET" && !key && "versioning" in ctx.query) {
      ctx.type = "application/xml";
      ctx.body = `<?xml version="1.0" encoding="UTF-8"?><VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${features.versioned.has(bucket) ? "<Status>Enabled</Status>" : ""}</VersioningConfiguration>`;
      return;
    }
    if (ctx.method === "GET" && !key && "replication" in ctx.query) {
      ctx.type = "application/xml";
      const destination = features.replication.get(bucket);
      if (!destination) {
        ctx.status = 404;
        ctx.body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>ReplicationConfigurationNotFoundError</Code><Message>The replication configuration was not found</Message><BucketName>${bucket}</BucketName></Error>`;
        return;
      }
      ctx.body =
        `<?xml version="1.0" encoding="UTF-8"?><ReplicationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Role>arn:aws:iam::111122223333:role/replication</Role>` +
        `<Rule><ID>replicate</ID><Priority>1</Priority><Status>Enabled</Status><Filter/><DeleteMarkerReplication><Status>Enabled</Status></DeleteMarkerReplication>` +
        `<Destination><Bucket>arn:aws:s3:::${destination}</Bucket><ReplicationTime><Status>Enabled</Status><Time><Minutes>15</Minutes></Time></ReplicationTime></Destination></Rule></ReplicationConfiguration>`;
      return;
    }
    if (ctx.method === "PUT" || ctx.method === "POST" || ctx.method === "DELETE") {
      features.writes.push({
        method: ctx.method,
        target: `${bucket}/${key}`,
        query: Object.keys(ctx.query).sort().join("&"),
        ...(ctx.headers["x-amz-server-side-encryption-aws-kms-key-id"] ? { kmsKeyId: ctx.headers["x-amz-server-side-encryption-aws-kms-key-id"] } : {}),
        ...(ctx.headers["x-amz-copy-source"] ? { copySource: ctx.headers["x-amz-copy-source"] } : {}),
      });
    }
    // UploadPartCopy: s3rver has UploadPart only, so the part's bytes are read from the source range and uploaded as a part.
    const copySource = ctx.headers["x-amz-copy-source"];
    if (ctx.method === "PUT" && key && "uploadId" in ctx.query && "partNumber" in ctx.query && copySource) {
      delete ctx.headers["x-amz-copy-source"];
      const source = decodeURIComponent(copySource).replace(/^\//, "");
      const range = ctx.headers["x-amz-copy-source-range"];
      const response = await fetch(`${endpoint}/${source.split("/").map(encodeURIComponent).join("/")}`, { headers: range ? { range } : {} });
      if (!response.ok) throw new Error(`UploadPartCopy stand-in: reading ${source} ${range ?? ""} answered ${response.status}`);
      ctx.req = Readable.from([Buffer.from(await response.arrayBuffer())]);
      await next();
      ctx.type = "application/xml";
      ctx.body = `<?xml version="1.0" encoding="UTF-8"?><CopyPartResult><ETag>${ctx.response.get("ETag")}</ETag><LastModified>${new Date().toISOString()}</LastModified></CopyPartResult>`;
      return;
    }
    await next();
    const status = key ? features.replicationStatus.get(`${bucket}/${key}`) : undefined;
    if (status && (ctx.method === "HEAD" || ctx.method === "GET")) ctx.set("x-amz-replication-status", status);
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    directory,
    features,
    close: () => server.close(),
    setLastModified(bucket, key, at) {
      const parts = key.split("/");
      const file = parts.pop()!;
      utimesSync(join(directory, bucket, ...parts, `${file}._S3rver_object`), at, at);
    },
  };
}
