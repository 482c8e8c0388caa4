import type { Kind } from "../model/kinds";

/** What restore does with each member of a kind's Describe output. */
export interface FieldCoverage {
  /** The Describe output's shape in AWS's Connect model (botocore `service-2.json`). */
  readonly shape: string;
  /** Members the restore writes (created with, or updated to, the backed-up value) and diff compares. */
  readonly restored: readonly string[];
  /**
   * Members not written, each with the reason: read-only, derived from another field, or not
   * restorable. A dotted key (`LevelOne.Id`) names a member inside a restored structure.
   */
  readonly notRestored: Readonly<Record<string, string>>;
}

const IDENTITY = "identity of the resource in its own instance: the target's is assigned by the service (matched by name)";
const MODIFIED = "read-only: set by the service on every write";
const MODIFIED_REGION = "read-only: the Region where the last write was made";

/**
 * Every member of each restorable kind's Describe output, restored or listed with the reason.
 * `tests/cli/operations/unit/field-coverage.spec.ts` holds this table against botocore's model (no
 * member missing or invented) and against the code (every `restored` member reaches a write).
 */
export const FIELD_COVERAGE: Partial<Record<Kind, FieldCoverage>> = {
  hours: {
    shape: "HoursOfOperation",
    restored: ["Name", "Description", "TimeZone", "Config", "Tags"],
    notRestored: {
      HoursOfOperationId: IDENTITY,
      HoursOfOperationArn: IDENTITY,
      ParentHoursOfOperations: "not restored: hours-of-operation overrides from parent hours are not backed up (their override APIs are not read)",
      LastModifiedTime: MODIFIED,
      LastModifiedRegion: MODIFIED_REGION,
    },
  },
  queues: {
    shape: "Queue",
    restored: ["Name", "Description", "OutboundCallerConfig", "HoursOfOperationId", "MaxContacts", "Status", "Tags"],
    notRestored: {
      QueueArn: IDENTITY,
      QueueId: IDENTITY,
      OutboundEmailConfig: "not restored: email addresses are instance resources this tool does not back up",
      LastModifiedTime: MODIFIED,
      LastModifiedRegion: MODIFIED_REGION,
    },
  },
  flows: {
    shape: "ContactFlow",
    restored: ["Name", "Type", "State", "Status", "Description", "Content", "Tags"],
    notRestored: {
      Arn: IDENTITY,
      Id: IDENTITY,
      FlowContentSha256: "derived: the SHA-256 of Content",
      Version: "not restored: the version history stays in the source; the content described is restored",
      VersionDescription: "not restored: belongs to a version (see Version)",
      LastModifiedTime: MODIFIED,
      LastModifiedRegion: MODIFIED_REGION,
    },
  },
  flowModules: {
    shape: "ContactFlowModule",
    restored: ["Name", "Content", "Description", "State", "Settings", "Tags"],
    notRestored: {
      Arn: IDENTITY,
      Id: IDENTITY,
      Status: "not restorable: no API sets a module's status (CreateContactFlowModule takes none)",
      FlowModuleContentSha256: "derived: the SHA-256 of Content",
      Version: "not restored: the version history stays in the source; the content described is restored",
      VersionDescription: "not restored: belongs to a version (see Version)",
      ExternalInvocationConfiguration: "not restored: no update API takes it, so a restore could set it on create only and never converge",
    },
  },
  routingProfiles: {
    shape: "RoutingProfile",
    restored: ["Name", "Description", "MediaConcurrencies", "DefaultOutboundQueueId", "Tags", "AgentAvailabilityTimer"],
    notRestored: {
      InstanceId: "identity: the instance the profile belongs to",
      RoutingProfileArn: IDENTITY,
      RoutingProfileId: IDENTITY,
      NumberOfAssociatedQueues: "derived: counts the queue configs (restored from ListRoutingProfileQueues as QueueConfigs)",
      NumberOfAssociatedManualAssignmentQueues: "derived: counts the manual-assignment queues",
      NumberOfAssociatedUsers: "derived: counts the users whose RoutingProfileId is this profile",
      AssociatedQueueIds: "derived: the queues of QueueConfigs (restored)",
      AssociatedManualAssignmentQueueIds: "not restored: manual-assignment queue configs are not backed up",
      IsDefault: "read-only: the instance's default profile is chosen by the service",
      LastModifiedTime: MODIFIED,
      LastModifiedRegion: MODIFIED_REGION,
    },
  },
  quickConnects: {
    shape: "QuickConnect",
    restored: ["Name", "Description", "QuickConnectConfig", "Tags"],
    notRestored: { QuickConnectARN: IDENTITY, QuickConnectId: IDENTITY, LastModifiedTime: MODIFIED, LastModifiedRegion: MODIFIED_REGION },
  },
  agentStatuses: {
    shape: "AgentStatus",
    restored: ["Name", "Description", "DisplayOrder", "State", "Tags"],
    notRestored: {
      AgentStatusARN: IDENTITY,
      AgentStatusId: IDENTITY,
      Type: "derived: ROUTABLE (Available) and OFFLINE (Offline) exist in every instance and are matched by name; every created status is CUSTOM",
      LastModifiedTime: MODIFIED,
      LastModifiedRegion: MODIFIED_REGION,
    },
  },
  prompts: {
    shape: "Prompt",
    restored: ["Name", "Description", "Tags"],
    notRestored: {
      PromptARN: IDENTITY,
      PromptId: IDENTITY,
      LastModifiedTime: MODIFIED,
      LastModifiedRegion: MODIFIED_REGION,
    },
  },
  securityProfiles: {
    shape: "SecurityProfile",
    restored: [
      "SecurityProfileName", "Description", "Tags", "AllowedAccessControlTags", "TagRestrictedResources", "HierarchyRestrictedResources",
      "AllowedAccessControlHierarchyGroupId", "GranularAccessControlConfiguration",
    ],
    notRestored: {
      Id: IDENTITY,
      Arn: IDENTITY,
      OrganizationResourceId: "identity: the instance the profile belongs to",
      LastModifiedTime: MODIFIED,
      LastModifiedRegion: MODIFIED_REGION,
    },
  },
  hierarchyGroups: {
    shape: "HierarchyGroup",
    restored: ["Name", "Tags"],
    notRestored: {
      Id: IDENTITY,
      Arn: IDENTITY,
      LevelId: "derived: the level below the parent's (restored as ParentGroupId, read from HierarchyPath)",
      HierarchyPath: "derived: the chain of parents, restored as ParentGroupId (the path entry above the group's own)",
      LastModifiedTime: MODIFIED,
      LastModifiedRegion: MODIFIED_REGION,
    },
  },
  hierarchyStructure: {
    shape: "HierarchyStructure",
    restored: ["LevelOne", "LevelTwo", "LevelThree", "LevelFour", "LevelFive"],
    // Each level is restored by name; the rest of a level is its identity.
    notRestored: Object.fromEntries(
      ["LevelOne", "LevelTwo", "LevelThree", "LevelFour", "LevelFive"].flatMap((l) => [
        [`${l}.Id`, IDENTITY],
        [`${l}.Arn`, IDENTITY],
        [`${l}.LastModifiedTime`, MODIFIED],
        [`${l}.LastModifiedRegion`, MODIFIED_REGION],
      ]),
    ),
  },
  users: {
    shape: "User",
    restored: [
      "Username", "IdentityInfo", "PhoneConfig", "DirectoryUserId", "SecurityProfileIds", "RoutingProfileId", "HierarchyGroupId", "Tags",
      "AutoAcceptConfigs", "AfterContactWorkConfigs", "PhoneNumberConfigs", "PersistentConnectionConfigs", "VoiceEnhancementConfigs",
    ],
    notRestored: {
      Id: IDENTITY,
      Arn: IDENTITY,
      LastModifiedTime: MODIFIED,
      LastModifiedRegion: MODIFIED_REGION,
    },
  },
  instanceAttributes: {
    shape: "Attribute",
    restored: ["AttributeType", "Value"],
    notRestored: {},
  },
  storageConfigs: {
    shape: "InstanceStorageConfig",
    restored: ["StorageType", "S3Config", "KinesisVideoStreamConfig", "KinesisStreamConfig", "KinesisFirehoseConfig"],
    notRestored: { AssociationId: IDENTITY },
  },
  integrations: {
    shape: "IntegrationAssociationSummary",
    restored: ["IntegrationType", "IntegrationArn", "SourceApplicationUrl", "SourceApplicationName", "SourceType"],
    notRestored: {
      IntegrationAssociationId: IDENTITY,
      IntegrationAssociationArn: IDENTITY,
      InstanceId: "identity: the instance the association belongs to",
    },
  },
};
