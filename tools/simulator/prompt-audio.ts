/**
 * Where prompt audio comes from: CreatePrompt and UpdatePrompt name an S3 object (`s3://bucket/key`
 * or `https://bucket.s3.<region>.amazonaws.com/key`, the model's S3Uri pattern), which the service
 * reads once and keeps. The simulator reads it the same way, through an S3 client pointed at a
 * configurable endpoint (an s3rver in tests). Stock and seeded prompts without audio get a short
 * silent WAV, so GetPromptFile works for every prompt.
 */
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";

/** The S3 endpoint prompt audio is read from. */
export interface PromptS3Config {
  /** e.g. `http://127.0.0.1:4569` (an s3rver). */
  readonly endpoint: string;
  /** @default "us-east-1" */
  readonly region?: string;
  /** @default true (s3rver and most local stand-ins serve path-style only) */
  readonly forcePathStyle?: boolean;
  /** @default "S3RVER" (s3rver's fixed key) */
  readonly accessKeyId?: string;
  /** @default "S3RVER" */
  readonly secretAccessKey?: string;
}

/** The largest prompt the service accepts (Amazon Connect's 50 MB limit for prompt files). */
export const MAX_PROMPT_BYTES = 50 * 1024 * 1024;

/** Bucket and key of an S3Uri, or undefined when it is neither form. */
export function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  const s3 = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (s3) return { bucket: s3[1]!, key: s3[2]! };
  const https = /^https:\/\/([^/]+)\.s3\.[^/]+\.amazonaws\.com\/(.+)$/.exec(uri);
  if (https) return { bucket: https[1]!, key: decodeURIComponent(https[2]!) };
  return undefined;
}

/** Why audio could not be read (the message of the service error the caller raises). */
export class PromptAudioError extends Error {}

/** Reads prompt audio from S3; one client per configuration. */
export class PromptAudioSource {
  private client: S3Client | undefined;

  constructor(private config: PromptS3Config | undefined) {}

  /** Points the source at another S3 endpoint (undefined: none, every read fails). */
  configure(config: PromptS3Config | undefined): void {
    this.config = config;
    this.client = undefined;
  }

  /** The object's bytes; throws {@link PromptAudioError} when it is missing, unreadable or too large. */
  async read(uri: string): Promise<Uint8Array> {
    const location = parseS3Uri(uri);
    if (!location) throw new PromptAudioError(`S3Uri ${uri} names no S3 object`);
    if (!this.config) throw new PromptAudioError(`S3 object ${uri} cannot be read: the simulator has no S3 endpoint (start it with promptS3 / --s3-endpoint)`);
    this.client ??= new S3Client({
      endpoint: this.config.endpoint,
      region: this.config.region ?? "us-east-1",
      forcePathStyle: this.config.forcePathStyle ?? true,
      maxAttempts: 2,
      credentials: { accessKeyId: this.config.accessKeyId ?? "S3RVER", secretAccessKey: this.config.secretAccessKey ?? "S3RVER" },
    });
    let bytes: Uint8Array;
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: location.bucket, Key: location.key }));
      if ((out.ContentLength ?? 0) > MAX_PROMPT_BYTES) throw new PromptAudioError(`S3 object ${uri} is ${out.ContentLength} bytes; a prompt is at most ${MAX_PROMPT_BYTES}`);
      bytes = await out.Body!.transformToByteArray();
    } catch (error) {
      if (error instanceof PromptAudioError) throw error;
      const name = error instanceof Error ? error.name : String(error);
      throw new PromptAudioError(`S3 object ${uri} cannot be read (${name === "NoSuchKey" || name === "NotFound" ? "it does not exist" : name})`);
    }
    if (bytes.byteLength > MAX_PROMPT_BYTES) throw new PromptAudioError(`S3 object ${uri} is ${bytes.byteLength} bytes; a prompt is at most ${MAX_PROMPT_BYTES}`);
    return bytes;
  }
}

/** Half a second of 8 kHz mono mu-law silence as a WAV file (what stock prompts play here). */
export function silentWav(): Uint8Array {
  const samples = 4000;
  const header = Buffer.alloc(46);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(38 + samples, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(18, 16); // fmt chunk size (non-PCM carries cbSize)
  header.writeUInt16LE(7, 20); // WAVE_FORMAT_MULAW
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8000, 24); // sample rate
  header.writeUInt32LE(8000, 28); // byte rate
  header.writeUInt16LE(1, 32); // block align
  header.writeUInt16LE(8, 34); // bits per sample
  header.writeUInt16LE(0, 36); // cbSize
  header.write("data", 38, "ascii");
  header.writeUInt32LE(samples, 42);
  // mu-law silence is 0xFF.
  return new Uint8Array(Buffer.concat([header, Buffer.alloc(samples, 0xff)]));
}
