import type { ConnectClient } from "@aws-sdk/client-connect";
import { describeRecord, findIdByName } from "../backup/read-instance";
import type { Kind } from "../model/kinds";
import type { ResourceRecord } from "../model/snapshot";

/**
 * Errors a create answers when the resource already exists: the name is taken
 * (DuplicateResourceException), or an association is already there (ResourceConflictException,
 * which AssociateLambdaFunction, AssociateBot and AssociateInstanceStorageConfig list).
 */
export function isDuplicate(err: unknown): boolean {
  const name = (err as { name?: string } | undefined)?.name;
  return name === "DuplicateResourceException" || name === "ResourceConflictException";
}

/**
 * The resource of `kind` named `name` that an earlier attempt created, read back (Describe and child
 * lists) so the restore continues from what is really there. Undefined when there is none, or the
 * kind is not listed by name (associations are identified by ARN and need no lookup).
 */
export async function findCreated(client: ConnectClient, instanceId: string, kind: Kind, name: string): Promise<ResourceRecord | undefined> {
  const id = await findIdByName(client, instanceId, kind, name);
  return id ? describeRecord(client, instanceId, kind, id) : undefined;
}

/** Kinds identified by what they associate (an ARN), not by a name: an existing one is the same one. */
export function isAssociation(kind: Kind): boolean {
  return kind === "lambdaFunctions" || kind === "lexBots" || kind === "integrations" || kind === "storageConfigs";
}
