import { applyNetworkPolicy, networkClientConfig } from "../aws-client/network-policy";
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { MissingObjectError, type BackupStore } from "./backup-store";

export interface S3StoreOptions {
  readonly bucket: string;
  /** Key prefix without a trailing slash ("" for the bucket root). */
  readonly prefix: string;
  /** Customer-managed KMS key for SSE-KMS. Unset: SSE-KMS with the AWS managed key (aws/s3). */
  readonly kmsKeyId?: string;
  /** Set `false` to skip requesting SSE-KMS (for S3 stand-ins that do not implement it). @default true */
  readonly sseKms?: boolean;
  readonly client?: S3Client;
  readonly clientConfig?: S3ClientConfig;
}

/** A backup under `s3://bucket/prefix/`. Every object is written with SSE-KMS. */
export class S3Store implements BackupStore {
  readonly location: string;
  private readonly client: S3Client;

  constructor(private readonly options: S3StoreOptions) {
    this.location = `s3://${options.bucket}/${options.prefix}`;
    this.client =
      options.client ?? applyNetworkPolicy(new S3Client({ retryMode: "adaptive", maxAttempts: 8, ...networkClientConfig(), ...options.clientConfig }), { name: "Amazon S3", endpointFlag: "--s3-endpoint-url" });
  }

  private key(path: string): string {
    return this.options.prefix ? `${this.options.prefix}/${path}` : path;
  }

  async absence(): Promise<string | undefined> {
    return (await this.list()).length === 0 ? "holds no objects (check the bucket, the prefix and --s3-region)" : undefined;
  }

  async list(): Promise<string[]> {
    const out: string[] = [];
    const base = this.options.prefix ? `${this.options.prefix}/` : "";
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: base, ContinuationToken: token }));
      for (const o of page.Contents ?? []) if (o.Key) out.push(o.Key.slice(base.length));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out.sort();
  }

  async read(path: string): Promise<Buffer> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.key(path) }));
      return Buffer.from(await out.Body!.transformToByteArray());
    } catch (err) {
      const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === "NoSuchKey" || e.$metadata?.httpStatusCode === 404) throw new MissingObjectError(path, this.location);
      throw err;
    }
  }

  async write(path: string, body: Buffer): Promise<void> {
    const sse = this.options.sseKms !== false;
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: this.key(path),
        Body: body,
        ContentType: "application/json",
        ...(sse ? { ServerSideEncryption: "aws:kms" as const, ...(this.options.kmsKeyId ? { SSEKMSKeyId: this.options.kmsKeyId } : {}) } : {}),
      }),
    );
  }
}
