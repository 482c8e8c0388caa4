/**
 * Finding instances and resources the way the service resolves identifiers: an `InstanceId` (and
 * most resource ids) may be given as the bare id or as the full ARN.
 */
import { parseConnectArn } from "../arns";
import { listedError, notFound, ServiceError } from "../errors";
import type { InstanceRecord, ResourceBase } from "../state/model";
import type { RequestContext } from "./context";


/** The bare id of `idOrArn` (the last path segment of an ARN). */
export function bareId(idOrArn: string): string {
  if (!idOrArn.startsWith("arn:")) return idOrArn;
  const slash = idOrArn.lastIndexOf("/");
  return slash >= 0 ? idOrArn.slice(slash + 1) : idOrArn;
}

/** Whether an instance has finished creating, by the simulator clock. */
export function isInstanceActive(ctx: RequestContext, instance: InstanceRecord): boolean {
  return ctx.now().getTime() >= instance.readyAt;
}

/** The instance in the caller's account and Region, or ResourceNotFoundException. Any status. */
export function findInstance(ctx: RequestContext, instanceIdOrArn: string): InstanceRecord {
  if (instanceIdOrArn.startsWith("arn:")) {
    const arn = parseConnectArn(instanceIdOrArn);
    if (!arn || arn.topType !== "instance" || arn.region !== ctx.region || arn.account !== ctx.account) {
      throw notFound("Instance", instanceIdOrArn);
    }
  }
  const instance = ctx.regionState.instances.get(bareId(instanceIdOrArn));
  if (!instance) throw notFound("Instance", instanceIdOrArn);
  return instance;
}

/** The instance, which must be ACTIVE (a replica still being created is not ready; ResourceNotReadyException where the operation lists it). */
export function requireInstance(ctx: RequestContext, instanceIdOrArn: string): InstanceRecord {
  const instance = findInstance(ctx, instanceIdOrArn);
  if (!isInstanceActive(ctx, instance)) {
    throw listedError(ctx.operation, ["ResourceNotReadyException", "InvalidRequestException"], `Instance ${instance.id} is not ACTIVE yet`);
  }
  return instance;
}

/** A record of one family by id or ARN, or ResourceNotFoundException naming the family. */
export function requireRecord<T>(collection: ReadonlyMap<string, T>, idOrArn: string, what: string): T {
  const record = collection.get(bareId(idOrArn));
  if (!record) throw notFound(what, idOrArn);
  return record;
}

/** DuplicateResourceException when another record of the family already has `name`. */
export function assertUniqueName(collection: ReadonlyMap<string, ResourceBase>, name: string, what: string, exceptId?: string): void {
  for (const record of collection.values()) {
    if (record.name === name && record.id !== exceptId) {
      throw new ServiceError("DuplicateResourceException", `${what} with name ${name} already exists`);
    }
  }
}

/** Stamps a change: time and the Region it was made in (ACGR's LastModifiedRegion). */
export function touch(ctx: RequestContext, record: ResourceBase): void {
  record.lastModifiedTime = ctx.now();
  record.lastModifiedRegion = ctx.region;
}
