import * as connect from "@aws-sdk/client-connect";
import type { ConnectClient } from "@aws-sdk/client-connect";

export type Json = Record<string, unknown>;

/**
 * Sends the Connect API `api` (e.g. "ListQueues") with `input`. Declarative export and restore
 * tables name APIs as strings; this is the one place that turns a name into an SDK command.
 */
export async function send(client: ConnectClient, api: string, input: Json): Promise<Json> {
  const Ctor = (connect as unknown as Record<string, new (input: Json) => unknown>)[`${api}Command`];
  if (!Ctor) throw new Error(`@aws-sdk/client-connect has no ${api}Command`);
  const out = (await client.send(new Ctor(input) as never)) as unknown as Json;
  const { $metadata: _ignored, ...rest } = out;
  return rest;
}

/** Follows NextToken until the end, returning the concatenated `listKey` arrays. */
export async function listAll<T = Json>(
  client: ConnectClient,
  api: string,
  input: Json,
  listKey: string,
  onPage?: (items: T[]) => void,
): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  do {
    const page = await send(client, api, token ? { ...input, NextToken: token } : input);
    const items = (page[listKey] as T[] | undefined) ?? [];
    all.push(...items);
    onPage?.(items);
    token = page.NextToken as string | undefined;
  } while (token);
  return all;
}
