import type { Kind } from "../model/kinds";
import type { ResourceRecord } from "../model/snapshot";
import { idOf, LINKS, valuesAt } from "../references/links";
import { remapArn, remapText, type RemapContext } from "../references/remap";
import { project, sortIdSets } from "./projection";

type J = Record<string, unknown>;

const END_FLOW_TYPES = new Set(["CUSTOMER_HOLD", "CUSTOMER_WHISPER", "AGENT_HOLD", "AGENT_WHISPER", "OUTBOUND_WHISPER", "AGENT_TRANSFER", "QUEUE_TRANSFER", "CUSTOMER_QUEUE"]);

/**
 * Placeholder content for the first pass of a flow (or module) that references flows not yet
 * created: a one-block flow with no references, of a block type valid for the flow type.
 */
export function stubContent(kind: Kind, flowType?: string): string {
  const type = kind === "flowModules" ? "EndFlowModuleExecution" : END_FLOW_TYPES.has(flowType ?? "") ? "EndFlowExecution" : "DisconnectParticipant";
  return JSON.stringify({
    Version: "2019-10-30",
    StartAction: "connect-dr-stub",
    Metadata: { connectDr: "restore in progress: content follows in the second pass" },
    Actions: [{ Identifier: "connect-dr-stub", Type: type, Parameters: {}, Transitions: {} }],
  });
}

export interface DesiredOptions {
  /** First pass of a flow/module: use stub content. */
  readonly stub?: boolean;
  /** Source ids whose links are left out for now (deferred to the second pass). */
  readonly omit?: ReadonlySet<string>;
}

export interface Desired {
  /** The projection of the resource in target terms (target ids, Region, account, instance). */
  readonly value: J;
  /** References that could not be mapped to the target (missing there and not in the backup). */
  readonly unresolved: string[];
}

/** Removes omitted links from a copy of `data`. */
function withoutOmitted(kind: Kind, data: J, omit: ReadonlySet<string>): J {
  if (omit.size === 0) return data;
  const copy = JSON.parse(JSON.stringify(data)) as J;
  if (kind === "queues") {
    const occ = copy.OutboundCallerConfig as J | undefined;
    if (occ && typeof occ.OutboundFlowId === "string" && omit.has(idOf(occ.OutboundFlowId))) delete occ.OutboundFlowId;
    if (Array.isArray(copy.QuickConnects)) copy.QuickConnects = (copy.QuickConnects as J[]).filter((q) => !omit.has(String(q.Id)));
  }
  return copy;
}

/** Where a storage config names a bucket, stream or key (each must be mapped to the target's). */
const STORAGE_TARGETS: readonly string[] = [
  "S3Config.BucketName",
  "S3Config.EncryptionConfig.KeyId",
  "KinesisVideoStreamConfig.EncryptionConfig.KeyId",
  "KinesisStreamConfig.StreamArn",
  "KinesisFirehoseConfig.FirehoseArn",
];

/** A storage config with its bucket, stream and key replaced by the mapping file's targets. */
function mapStorage(projected: J, ctx: RemapContext): Desired {
  const value = JSON.parse(JSON.stringify(projected)) as J;
  const unresolved: string[] = [];
  for (const path of STORAGE_TARGETS) {
    const parts = path.split(".");
    const holder = parts.slice(0, -1).reduce<J | undefined>((o, p) => (o?.[p] as J | undefined), value);
    const leaf = parts[parts.length - 1]!;
    const v = holder?.[leaf];
    if (typeof v !== "string") continue;
    const mapped = ctx.storage?.get(v);
    if (mapped) holder![leaf] = mapped;
    else unresolved.push(`${path}=${v} (add the target's value under "storage" in the mapping file: {"${v}": "<target>"})`);
  }
  return { value, unresolved };
}

/**
 * What a backed-up resource must look like in the target: links and flow content rewritten (ids,
 * Region, account, instance; Lambda/Lex by mapping or convention; `$.AwsRegion` untouched), then
 * projected to the writable fields.
 */
export function desiredFor(record: ResourceRecord, ctx: RemapContext, options: DesiredOptions = {}): Desired {
  const kind = record.kind;
  let data = withoutOmitted(kind, record.data, options.omit ?? new Set());
  if (options.stub && (kind === "flows" || kind === "flowModules")) data = { ...data, Content: stubContent(kind, data.Type as string | undefined) };
  const unresolved: string[] = [];

  for (const link of LINKS.filter((l) => l.kind === kind)) {
    for (const v of valuesAt(data, link.path)) if (!ctx.ids.has(idOf(v))) unresolved.push(`${link.path}=${v} (${link.target})`);
  }
  if (kind === "queues") {
    // The caller-id number belongs to the source instance; keep it only when mapped.
    const occ = data.OutboundCallerConfig as J | undefined;
    if (occ && typeof occ.OutboundCallerIdNumberId === "string" && !ctx.ids.has(occ.OutboundCallerIdNumberId)) {
      data = { ...data, OutboundCallerConfig: { ...occ, OutboundCallerIdNumberId: undefined } };
    }
  }
  if (kind === "lambdaFunctions") {
    return { value: project(kind, { FunctionArn: remapArn(String(data.FunctionArn), ctx) }), unresolved };
  }
  if (kind === "lexBots") {
    const v2 = data.LexV2Bot as J | undefined;
    const v1 = data.LexBot as J | undefined;
    if (v2) return { value: project(kind, { LexV2Bot: { AliasArn: remapArn(String(v2.AliasArn), ctx) } }), unresolved };
    const region = v1?.LexRegion === ctx.source.region ? ctx.target.region : v1?.LexRegion;
    return { value: project(kind, { LexBot: { Name: v1?.Name, LexRegion: region } }), unresolved };
  }
  if (kind === "storageConfigs") return mapStorage(project(kind, data), ctx);
  if (kind === "integrations") {
    const p = project(kind, data);
    const arn = ctx.integrations?.get(String(p.IntegrationArn));
    if (!arn) unresolved.push(`IntegrationArn=${String(p.IntegrationArn)} (add the target Region's ARN under "integrations" in the mapping file)`);
    return { value: { ...p, IntegrationArn: arn ?? p.IntegrationArn }, unresolved };
  }
  const projected = project(kind, data);
  const remapped = remapText(JSON.stringify(projected), ctx);
  unresolved.push(...remapped.unresolved);
  return { value: sortIdSets(kind, JSON.parse(remapped.text) as J), unresolved };
}
