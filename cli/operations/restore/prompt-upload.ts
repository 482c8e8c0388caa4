import { PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";

/** Puts a prompt's audio where CreatePrompt/UpdatePrompt can read it; returns the S3Uri. */
export type PromptUploader = (sha256: string, body: Buffer) => Promise<string>;

/**
 * Uploads to `s3://<bucket>/<prefix><sha256>.audio`: content-addressed, so a retried or re-run
 * upload writes the same object, and two prompts with the same audio share one. The bucket is the
 * mapping file's `prompts.bucket`, in the target account and Region (Amazon Connect reads it there).
 */
export function s3PromptUploader(client: S3Client, bucket: string, prefix: string): PromptUploader {
  return async (sha256, body) => {
    const key = `${prefix}${sha256}.audio`;
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentLength: body.length }));
    return `s3://${bucket}/${key}`;
  };
}
