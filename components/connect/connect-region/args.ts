import * as pulumi from "@pulumi/pulumi";

/** One day's opening hours, in Amazon Connect's own shape (24-hour clock, the hours' time zone). */
export interface ConnectHoursOfOperationDayConfig {
  /** `MONDAY` … `SUNDAY`. */
  readonly day: string;
  readonly startTime: { readonly hours: number; readonly minutes: number };
  readonly endTime: { readonly hours: number; readonly minutes: number };
}

/** Hours of operation; queues refer to them by `name`. */
export interface ConnectHoursOfOperationSpec {
  /** Name in Connect, and the stable key for the child's logical name. */
  readonly name: string;
  /** IANA time zone, e.g. `America/New_York`. */
  readonly timeZone: string;
  /** @default no description */
  readonly description?: string;
  /** At least one day; a day may appear more than once for split shifts. */
  readonly config: readonly ConnectHoursOfOperationDayConfig[];
}

/** A standard queue; routing profiles refer to it by `name`. */
export interface ConnectQueueSpec {
  readonly name: string;
  /** `name` of an entry in `hoursOfOperation`. */
  readonly hoursOfOperationName: string;
  /** @default no description */
  readonly description?: string;
  /** Contacts the queue may hold before new ones take the at-capacity branch. @default no limit */
  readonly maxContacts?: number;
}

/** How many contacts of one channel an agent handles at once. */
export interface ConnectMediaConcurrency {
  /** `VOICE` (concurrency 1), `CHAT` (1-10), `TASK` (1-10) or `EMAIL` (1-10). */
  readonly channel: string;
  readonly concurrency: number;
}

/** A queue's place in a routing profile. */
export interface ConnectRoutingProfileQueueConfig {
  /** `name` of an entry in `queues`. */
  readonly queueName: string;
  readonly channel: string;
  /** 1 (highest) to 99. */
  readonly priority: number;
  /** Seconds a contact waits in this queue before agents of this profile get it, 0-9999. */
  readonly delay: number;
}

/** A routing profile, built from queues named in `queues`. */
export interface ConnectRoutingProfileSpec {
  readonly name: string;
  readonly description: string;
  /** `name` of an entry in `queues`. */
  readonly defaultOutboundQueueName: string;
  readonly mediaConcurrencies: readonly ConnectMediaConcurrency[];
  readonly queueConfigs: readonly ConnectRoutingProfileQueueConfig[];
}

/** A flow created from exported content. */
export interface ConnectContactFlowSpec {
  readonly name: string;
  /** `CONTACT_FLOW`, `CUSTOMER_QUEUE`, `CUSTOMER_HOLD`, `CUSTOMER_WHISPER`, `AGENT_HOLD`, `AGENT_WHISPER`, `OUTBOUND_WHISPER`, `AGENT_TRANSFER` or `QUEUE_TRANSFER`. @default the envelope's `Type` when the content is an export wrapper, else "CONTACT_FLOW" */
  readonly type?: string;
  /** @default no description */
  readonly description?: string;
  /**
   * The flow's JSON (Flow language), bare or in a `{Name, Type, Content}` / `describe-contact-flow`
   * envelope. Lambda and Lex ARNs are rewritten to `$.AwsRegion` before the flow is created.
   */
  readonly content: string;
}

/** A Lex V2 bot alias; with Lex Global Resiliency the ids are the same in both Regions. */
export interface ConnectLexV2BotAliasSpec {
  /** 10 upper-case letters or digits. */
  readonly botId: string;
  /** 10 upper-case letters or digits (`TSTALIASID` for the test alias). */
  readonly botAliasId: string;
}

/** Arguments of {@link ConnectRegion}. */
export interface ConnectRegionArgs {
  /**
   * The AWS Region of the provider this component is given (Lambda, Lex and instance ARNs and the
   * KMS key policy are built for it). One of the Regions Amazon Connect Global Resiliency supports.
   */
  readonly region: string;
  /** The 12-digit account id of the provider this component is given. */
  readonly accountId: string;
  /**
   * The instance alias (1-45 letters, digits and hyphens, not starting with `d-`). ACGR requires
   * one; on a replica it is the replica's alias. Also names the log group and streams.
   */
  readonly instanceAlias: string;
  /**
   * An existing instance to attach to: the ACGR replica in the secondary Region, which keeps the
   * source's instance id. When set no instance is created.
   * @default undefined (create the instance)
   */
  readonly instanceId?: pulumi.Input<string>;
  /**
   * Whether this component creates hours, queues, routing profiles and flows. False on an ACGR
   * replica, where ACGR mirrors them from the source.
   * @default true
   */
  readonly manageRoutingConfiguration?: boolean;
  /**
   * Identity management of a created instance. ACGR requires `SAML`, so that is the only value
   * accepted.
   * @default "SAML"
   */
  readonly identityManagementType?: string;
  /** @default true */
  readonly inboundCallsEnabled?: boolean;
  /** @default true */
  readonly outboundCallsEnabled?: boolean;
  /** @default true */
  readonly contactLensEnabled?: boolean;
  /** @default false */
  readonly multiPartyConferenceEnabled?: boolean;
  /**
   * Protects a created instance from `pulumi destroy` and replacement (Pulumi `protect`), since
   * losing it loses phone numbers, users and history.
   * @default true
   */
  readonly protectInstance?: boolean;

  /** The recordings bucket in this Region (owned by ReplicatedRecordings). */
  readonly recordingsBucketName: pulumi.Input<string>;
  /**
   * Prefix under which call recordings (`/CallRecordings`), chat transcripts (`/ChatTranscripts`)
   * and scheduled reports (`/Reports`) are written; no leading or trailing slash.
   * @default "connect/<instanceAlias>"
   */
  readonly recordingsBucketPrefix?: string;
  /**
   * KMS key ARN Connect encrypts recordings, transcripts and reports with. When the bucket is
   * replicated by ReplicatedRecordings, pass its `sourceKeyArn`: the replication role may decrypt
   * only with that key, so objects under any other key would not replicate.
   * @default this component's key
   */
  readonly recordingsKmsKeyArn?: pulumi.Input<string>;
  /** Retention of the contact trace record and agent event streams, 24-8760 hours. @default 24 */
  readonly streamRetentionPeriodHours?: number;
  /** Retention of the `/aws/connect/<alias>` flow log group, a CloudWatch Logs value. @default 365 */
  readonly logRetentionInDays?: number;

  /** @default [] */
  readonly hoursOfOperation?: readonly ConnectHoursOfOperationSpec[];
  /** @default [] */
  readonly queues?: readonly ConnectQueueSpec[];
  /** @default [] */
  readonly routingProfiles?: readonly ConnectRoutingProfileSpec[];
  /** @default [] */
  readonly flows?: readonly ConnectContactFlowSpec[];
  /**
   * Lambda functions flows may invoke, by name. The ARN is built for this Region and account:
   * ACGR needs the same function name in both Regions.
   * @default []
   */
  readonly lambdaFunctionNames?: readonly string[];
  /**
   * Alias the instance is allowed to invoke (`...:function:<name>:<alias>`), e.g. the alias whose
   * provisioned concurrency `LambdaAutoScaling` manages; flows must call the same qualified ARN.
   * @default none: the unqualified function
   */
  readonly lambdaFunctionAlias?: string;
  /**
   * ARNs of the `lambdaFunctionAlias` aliases by function name, when another component creates them
   * (`LambdaAutoScaling.aliasArns`): each association takes its function's ARN from here, so it is
   * created after the alias it names (associating an alias that does not exist yet fails).
   * @default the qualified ARNs, built from the names (the aliases exist already)
   */
  readonly lambdaFunctionAliasArns?: pulumi.Input<Readonly<Record<string, string>>>;
  /** Lex V2 bot aliases flows may use; ARNs are built for this Region and account. @default [] */
  readonly lexV2BotAliases?: readonly ConnectLexV2BotAliasSpec[];

  /**
   * Alarm when ConcurrentCallsPercentage (emitted by Connect as a fraction: 0.8 = 80% of the
   * concurrent-calls quota) reaches this for 5 consecutive minutes.
   * @default 0.8
   */
  readonly concurrentCallsPercentageThreshold?: number;
  /** Alarm when ThrottledCalls in 5 minutes reaches this. @default 1 */
  readonly throttledCallsThreshold?: number;
  /** Alarm when ContactFlowErrors across all flows in 5 minutes reaches this. @default 5 */
  readonly contactFlowErrorsThreshold?: number;
  /** Alarm when ContactFlowFatalErrors across all flows in 5 minutes reaches this. @default 1 */
  readonly contactFlowFatalErrorsThreshold?: number;
  /** Alarm when CallRecordingUploadError in 5 minutes reaches this. @default 1 */
  readonly callRecordingUploadErrorsThreshold?: number;
  /**
   * SNS topic ARNs notified when an alarm fires and when it recovers; CloudWatch only notifies
   * topics in the alarm's own Region.
   * @default [] (alarms change state without notifying)
   */
  readonly alarmActions?: readonly pulumi.Input<string>[];
  /** Tags for every taggable child. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}
