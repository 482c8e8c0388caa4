/**
 * GetPromptFile's `PromptPresignedUrl`: on the service a presigned S3 URL; here a URL of the
 * simulator itself (`<endpoint>/__simulator/prompt-files/<token>`), so a backup can fetch the audio
 * with a plain HTTP GET exactly as it would from S3. The token names the prompt (account, Region,
 * instance, id) and an expiry on the simulator clock; the GET answers the prompt's audio as it is
 * then (404 once the prompt is gone, 403 once the URL has expired, like S3's AccessDenied).
 */
import { silentWav } from "./prompt-audio";
import type { StateStore } from "./state/store";

/** Path (under the admin prefix) the prompt files are served at. */
export const PROMPT_FILES_ROUTE = "prompt-files/";

/** How long a PromptPresignedUrl stays valid, ms. */
export const PROMPT_URL_TTL_MS = 60 * 60 * 1000;

interface PromptFileToken {
  readonly a: string;
  readonly r: string;
  readonly i: string;
  readonly p: string;
  /** Expiry, epoch ms. */
  readonly x: number;
}

/** The URL GetPromptFile answers for a prompt. */
export function promptFileUrl(endpoint: string, where: { account: string; region: string; instanceId: string; promptId: string }, now: Date): string {
  const token: PromptFileToken = { a: where.account, r: where.region, i: where.instanceId, p: where.promptId, x: now.getTime() + PROMPT_URL_TTL_MS };
  return `${endpoint}/__simulator/${PROMPT_FILES_ROUTE}${Buffer.from(JSON.stringify(token), "utf8").toString("base64url")}.wav`;
}

/** What a GET of a prompt file URL answers. */
export type PromptFileAnswer = { readonly status: 200; readonly audio: Uint8Array } | { readonly status: 403 | 404; readonly message: string };

/** Serves the token part of a prompt file URL. */
export function servePromptFile(store: StateStore, tokenText: string, now: Date): PromptFileAnswer {
  let token: PromptFileToken;
  try {
    token = JSON.parse(Buffer.from(tokenText.replace(/\.wav$/, ""), "base64url").toString("utf8")) as PromptFileToken;
  } catch {
    return { status: 403, message: "The prompt file URL is not valid" };
  }
  if (typeof token.x !== "number" || now.getTime() > token.x) return { status: 403, message: "Request has expired" };
  const instance = store.region(String(token.a), String(token.r)).instances.get(String(token.i));
  const prompt = instance?.config.prompts.get(String(token.p));
  if (!prompt) return { status: 404, message: "The specified key does not exist." };
  return { status: 200, audio: prompt.audio ?? silentWav() };
}
