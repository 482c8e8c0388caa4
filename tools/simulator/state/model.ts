/**
 * The simulator's records. Records are Region-neutral: they hold ids, never ARNs, so the same
 * record can be rendered from either Region of a replicated instance (ARNs are minted on read with
 * the Region the caller signed for). That is how ACGR mirroring works here: a replica shares its
 * source's {@link MirroredConfig} object, so a change made in one Region is visible in the other.
 */
import type {
  Application,
  FlowModule,
  GranularAccessControlConfiguration,
  HoursOfOperationConfig,
  InstanceStorageConfig,
  LexBot,
  MediaConcurrency,
  OutboundCallerConfig,
  QuickConnectConfig,
  User,
  UserIdentityInfo,
  UserPhoneConfig,
} from "@aws-sdk/client-connect";

/** Fields every taggable, mirrored resource carries. */
export interface ResourceBase {
  readonly id: string;
  name: string;
  description?: string;
  tags: Record<string, string>;
  lastModifiedTime: Date;
  /** The Region of the last change; ACGR reports it as `LastModifiedRegion`. */
  lastModifiedRegion: string;
}

export interface HoursRecord extends ResourceBase {
  timeZone: string;
  config: HoursOfOperationConfig[];
}

export interface QueueRecord extends ResourceBase {
  queueType: "STANDARD" | "AGENT";
  hoursOfOperationId: string;
  maxContacts?: number;
  status: "ENABLED" | "DISABLED";
  outboundCallerConfig?: OutboundCallerConfig;
  quickConnectIds: string[];
}

/** One queue/channel association of a routing profile. */
export interface RoutingProfileQueueRecord {
  queueId: string;
  channel: string;
  priority: number;
  delay: number;
}

export interface RoutingProfileRecord extends ResourceBase {
  defaultOutboundQueueId: string;
  mediaConcurrencies: MediaConcurrency[];
  queueConfigs: RoutingProfileQueueRecord[];
  agentAvailabilityTimer?: string;
  isDefault: boolean;
}

export interface FlowRecord extends ResourceBase {
  type: string;
  state: "ACTIVE" | "ARCHIVED";
  /** SAVED: never published (`content` is the draft). PUBLISHED: `content` is live. */
  status: "PUBLISHED" | "SAVED";
  content: string;
  /** Of a PUBLISHED flow: content saved through the `:$SAVED` alias and not published yet. */
  savedContent?: string;
}

export interface FlowModuleRecord extends ResourceBase {
  state: "ACTIVE" | "ARCHIVED";
  status: "PUBLISHED" | "SAVED";
  content: string;
  settings?: string;
}

export interface PromptRecord extends ResourceBase {
  /** Where the audio was read from (CreatePrompt/UpdatePrompt's S3Uri; DescribePrompt does not return it). */
  s3Uri?: string;
  /** The audio as read at create/update time (absent for stock prompts: a silent WAV is served). */
  audio?: Uint8Array;
}

export interface QuickConnectRecord extends ResourceBase {
  config: QuickConnectConfig;
}

export interface SecurityProfileRecord extends ResourceBase {
  permissions: string[];
  /** Tags a member of the profile may act on (absent: no tag-based access control). */
  allowedAccessControlTags?: Record<string, string>;
  /** Resource kinds (`User`, `Queue`...) the tag restriction applies to. */
  tagRestrictedResources?: string[];
  /** The hierarchy group whose subtree members of the profile may act on. */
  allowedAccessControlHierarchyGroupId?: string;
  /** Resource kinds the hierarchy restriction applies to (AWS accepts `User`). */
  hierarchyRestrictedResources?: string[];
  /** Third-party applications and their permissions (ListSecurityProfileApplications). */
  applications: Application[];
  allowedFlowModules?: FlowModule[];
  granularAccessControlConfiguration?: GranularAccessControlConfiguration;
}

export interface HierarchyLevelRecord extends ResourceBase {
  /** 1 (LevelOne) to 5 (LevelFive). */
  level: number;
}

export interface HierarchyGroupRecord extends ResourceBase {
  levelId: string;
  parentGroupId?: string;
}

export interface AgentStatusRecord extends ResourceBase {
  type: "ROUTABLE" | "CUSTOM" | "OFFLINE";
  displayOrder?: number;
  state: "ENABLED" | "DISABLED";
}

/** Users keep their `Username` in `name`. Passwords are never kept (nothing reads them back). */
export interface UserRecord extends ResourceBase {
  identityInfo?: UserIdentityInfo;
  phoneConfig: UserPhoneConfig;
  directoryUserId?: string;
  securityProfileIds: string[];
  routingProfileId: string;
  hierarchyGroupId?: string;
  /** The per-channel settings (CreateUser's newer members), kept as given. */
  channelConfigs?: Pick<User, "AutoAcceptConfigs" | "AfterContactWorkConfigs" | "PhoneNumberConfigs" | "PersistentConnectionConfigs" | "VoiceEnhancementConfigs">;
}

/** The resource families ACGR replicates, shared by a source instance and its replica. */
export interface MirroredConfig {
  hours: Map<string, HoursRecord>;
  queues: Map<string, QueueRecord>;
  routingProfiles: Map<string, RoutingProfileRecord>;
  flows: Map<string, FlowRecord>;
  flowModules: Map<string, FlowModuleRecord>;
  prompts: Map<string, PromptRecord>;
  quickConnects: Map<string, QuickConnectRecord>;
  securityProfiles: Map<string, SecurityProfileRecord>;
  hierarchyLevels: Map<string, HierarchyLevelRecord>;
  hierarchyGroups: Map<string, HierarchyGroupRecord>;
  agentStatuses: Map<string, AgentStatusRecord>;
  users: Map<string, UserRecord>;
}

/** Replication state shared by a source instance and its replica. */
export interface ReplicationLink {
  readonly sourceRegion: string;
  readonly replicaRegion: string;
  /** Epoch ms at which the replica becomes ACTIVE. */
  readonly readyAt: number;
}

/** Storage config with its resource type (the API lists per type). */
export interface StorageConfigRecord {
  resourceType: string;
  config: InstanceStorageConfig;
}

/** An integration association (Lambda, Lex, apps) listed by ListIntegrationAssociations. */
export interface IntegrationRecord {
  readonly id: string;
  integrationType: string;
  integrationArn: string;
  sourceApplicationUrl?: string;
  sourceApplicationName?: string;
  sourceType?: string;
  /** Absent on seeded records (none). */
  tags?: Record<string, string>;
}

/**
 * A Connect instance in one Region. Everything outside `config` is Region-local (ACGR does not
 * mirror Lambda, Lex, storage or integrations), which is why those live here and not in `config`.
 */
export interface InstanceRecord {
  readonly id: string;
  readonly account: string;
  readonly region: string;
  alias?: string;
  identityManagementType: string;
  inboundCallsEnabled: boolean;
  outboundCallsEnabled: boolean;
  createdTime: Date;
  /** Epoch ms at which CREATION_IN_PROGRESS becomes ACTIVE. */
  readyAt: number;
  tags: Record<string, string>;
  attributes: Map<string, string>;
  storageConfigs: StorageConfigRecord[];
  integrations: IntegrationRecord[];
  lambdaFunctions: string[];
  lexBots: LexBot[];
  lexV2BotAliasArns: string[];
  config: MirroredConfig;
  replication?: ReplicationLink;
}

export interface DistributionRecord {
  Region: string;
  Percentage: number;
}

export interface SignInDistributionRecord {
  Region: string;
  Enabled: boolean;
}

/** A traffic distribution group; it lives in the Region it was created in (its home Region). */
export interface TrafficDistributionGroupRecord {
  readonly id: string;
  readonly account: string;
  readonly homeRegion: string;
  name: string;
  description?: string;
  readonly instanceId: string;
  readonly isDefault: boolean;
  readyAt: number;
  tags: Record<string, string>;
  telephony: DistributionRecord[];
  signIn: SignInDistributionRecord[];
  agent: DistributionRecord[];
  userIds: string[];
}

/** A claimed phone number; it lives in the Region where it was claimed. */
export interface PhoneNumberRecord {
  readonly id: string;
  readonly account: string;
  readonly region: string;
  readonly phoneNumber: string;
  readonly countryCode: string;
  readonly type: string;
  description?: string;
  targetArn: string;
  tags: Record<string, string>;
  /**
   * The flow that answers the number, per Region: a number in a traffic distribution group needs its
   * flow associated in each Region of the group (in the other Region by the number's ARN).
   */
  contactFlowIdByRegion: Record<string, string>;
}

/** A started contact (only chat is modelled). */
export interface ContactRecord {
  readonly id: string;
  readonly instanceId: string;
  readonly channel: string;
  readonly contactFlowId: string;
  readonly participantId: string;
  readonly participantToken: string;
  readonly initiationTimestamp: Date;
  readonly attributes: Record<string, string>;
}

/** Everything in one (account, Region). */
export interface RegionState {
  readonly account: string;
  readonly region: string;
  readonly instances: Map<string, InstanceRecord>;
  readonly trafficDistributionGroups: Map<string, TrafficDistributionGroupRecord>;
  readonly phoneNumbers: Map<string, PhoneNumberRecord>;
  readonly contacts: Map<string, ContactRecord>;
}

/** An empty set of mirrored collections. */
export function emptyMirroredConfig(): MirroredConfig {
  return {
    hours: new Map(),
    queues: new Map(),
    routingProfiles: new Map(),
    flows: new Map(),
    flowModules: new Map(),
    prompts: new Map(),
    quickConnects: new Map(),
    securityProfiles: new Map(),
    hierarchyLevels: new Map(),
    hierarchyGroups: new Map(),
    agentStatuses: new Map(),
    users: new Map(),
  };
}
