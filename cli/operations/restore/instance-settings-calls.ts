/**
 * Writes for the instance's own settings: instance attributes (contact flow logs, Contact Lens,
 * ...), storage configs (recordings, transcripts, streams) and integration associations. Inputs are
 * projections in target terms; storage and integration targets come from the mapping file.
 */
import type { Kind } from "../model/kinds";
import { clientTokenFor } from "./client-token";

type J = Record<string, unknown>;
export interface SettingsCall {
  readonly api: string;
  readonly input: J;
}

/** The StorageConfig member of Associate/UpdateInstanceStorageConfig. */
function storageConfig(d: J, associationId?: string): J {
  const out: J = { StorageType: d.StorageType };
  for (const m of ["S3Config", "KinesisVideoStreamConfig", "KinesisStreamConfig", "KinesisFirehoseConfig"]) if (d[m]) out[m] = d[m];
  if (associationId) out.AssociationId = associationId;
  return out;
}

/** Storage configs are identified in the target as `<ResourceType>:<AssociationId>`. */
export function storageAssociationId(targetId: string): string {
  return targetId.slice(targetId.indexOf(":") + 1);
}

export function settingsCreateCall(kind: Kind, d: J, instanceId: string): SettingsCall | undefined {
  const I = { InstanceId: instanceId };
  switch (kind) {
    case "instanceAttributes":
      return { api: "UpdateInstanceAttribute", input: { ...I, AttributeType: d.AttributeType, Value: d.Value, ClientToken: clientTokenFor(instanceId, kind, d) } };
    case "storageConfigs":
      return { api: "AssociateInstanceStorageConfig", input: { ...I, ResourceType: d.ResourceType, StorageConfig: storageConfig(d), ClientToken: clientTokenFor(instanceId, kind, d) } };
    case "integrations":
      return {
        api: "CreateIntegrationAssociation",
        input: {
          ...I, IntegrationType: d.IntegrationType, IntegrationArn: d.IntegrationArn,
          ...(d.SourceApplicationUrl ? { SourceApplicationUrl: d.SourceApplicationUrl } : {}),
          ...(d.SourceApplicationName ? { SourceApplicationName: d.SourceApplicationName } : {}),
          ...(d.SourceType ? { SourceType: d.SourceType } : {}),
          ...(d.Tags && Object.keys(d.Tags as J).length ? { Tags: d.Tags } : {}),
        },
      };
    default:
      return undefined;
  }
}

export function settingsCreatedId(kind: Kind, out: J, d: J): string | undefined {
  switch (kind) {
    case "instanceAttributes": return String(d.AttributeType);
    case "storageConfigs": return `${String(d.ResourceType)}:${String(out.AssociationId)}`;
    case "integrations": return out.IntegrationAssociationId as string;
    default: return undefined;
  }
}

export function settingsUnwritable(kind: Kind, changed: ReadonlySet<string>): string[] {
  if (kind !== "integrations") return [];
  return [...changed].filter((f) => f !== "Tags").map((f) => `${f}: an integration association has no update API (delete it in the target and re-run)`);
}

export function settingsUpdateCalls(kind: Kind, targetId: string, d: J, changed: ReadonlySet<string>, instanceId: string): SettingsCall[] {
  const I = { InstanceId: instanceId };
  switch (kind) {
    case "instanceAttributes":
      return changed.has("Value") ? [{ api: "UpdateInstanceAttribute", input: { ...I, AttributeType: d.AttributeType, Value: d.Value, ClientToken: clientTokenFor(instanceId, kind, d) } }] : [];
    case "storageConfigs": {
      if (changed.size === 0) return [];
      const associationId = storageAssociationId(targetId);
      return [{ api: "UpdateInstanceStorageConfig", input: { ...I, AssociationId: associationId, ResourceType: d.ResourceType, StorageConfig: storageConfig(d, associationId), ClientToken: clientTokenFor(instanceId, kind, { ...d, associationId }) } }];
    }
    default:
      return [];
  }
}

export function settingsDeleteCall(kind: Kind, targetId: string, d: J, instanceId: string): SettingsCall | undefined {
  const I = { InstanceId: instanceId };
  if (kind === "storageConfigs") return { api: "DisassociateInstanceStorageConfig", input: { ...I, AssociationId: storageAssociationId(targetId), ResourceType: d.ResourceType ?? targetId.split(":")[0] } };
  if (kind === "integrations") return { api: "DeleteIntegrationAssociation", input: { ...I, IntegrationAssociationId: targetId } };
  return undefined;
}
