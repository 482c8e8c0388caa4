import type { Kind } from "../model/kinds";
import { recordsOf, type ResourceRecord, type Snapshot } from "../model/snapshot";
import { EMPTY_MAPPING, type MappingFile } from "../restore/mapping-file";
import { stubContent } from "../restore/desired";
import { LogicalIds } from "./logical-ids";
import { breakCycles, type RefEdge } from "./reference-cycles";
import { KIND_RESOURCE, ReferenceResolver } from "./reference-resolver";
import { PROMPT_PREFIX_PARAM, resourceProperties } from "./resource-properties";
import { isStock } from "./stock-resources";
import { INSTANCE_ARN_PARAM, INSTANCE_ID, tokensIn, type DeferredWrite, type ModelParameter, type ModelResource, type TemplateModel, type Token, type Value } from "./template-model";

/** Kinds the export turns into resources, in creation order. */
export const EXPORT_KINDS: readonly Kind[] = [
  "lambdaFunctions", "lexBots", "hours", "prompts", "agentStatuses", "securityProfiles", "hierarchyStructure", "hierarchyGroups",
  "queues", "flows", "flowModules", "routingProfiles", "users", "quickConnects", "phoneNumbers",
];

/** Kinds that describe the instance itself: the template deploys into an existing instance, so they stay out. */
export const INSTANCE_KINDS: readonly Kind[] = ["instance", "instanceAttributes", "storageConfigs", "integrations"];

export interface BuildOptions {
  readonly mapping?: MappingFile;
  /** Kinds not to create: references to their resources become parameters, by name. */
  readonly skip?: readonly Kind[];
}

const byName = (a: ResourceRecord, b: ResourceRecord) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The format-neutral template for a verified backup. Deterministic: records are visited by kind
 * then name, so the same backup gives the same logical ids, parameters and order.
 */
export function buildModel(snapshot: Snapshot, options: BuildOptions = {}): TemplateModel {
  const mapping = options.mapping ?? EMPTY_MAPPING;
  const skip = new Set(options.skip ?? []);
  const ids = new LogicalIds();
  ids.claim("", INSTANCE_ARN_PARAM);
  ids.claim("", PROMPT_PREFIX_PARAM);
  const refs = new ReferenceResolver(snapshot.source, ids, mapping);
  const notes: string[] = [];
  const sorted = (k: Kind) => recordsOf(snapshot, k).slice().sort(byName);

  for (const k of INSTANCE_KINDS) {
    if (k !== "instance" && recordsOf(snapshot, k).length) notes.push(`${k}: ${recordsOf(snapshot, k).length} instance settings not exported (the template deploys into an existing instance)`);
  }
  for (const r of sorted("phoneNumbers")) refs.addPhoneNumber(r);

  // Pass 1: logical ids for everything created, external parameters for the rest.
  const planned: { kind: Kind; record: ResourceRecord; logicalId: string }[] = [];
  for (const kind of EXPORT_KINDS) {
    const res = KIND_RESOURCE[kind];
    for (const r of sorted(kind)) {
      if (!res) continue;
      if (skip.has(kind) || isStock(kind, r.name, r.data)) {
        refs.addExternal(r);
        continue;
      }
      const logicalId = ids.claim(res.prefix, r.name);
      refs.addCreated(r, logicalId);
      planned.push({ kind, record: r, logicalId });
    }
    const stock = sorted(kind).filter((r) => isStock(kind, r.name, r.data)).map((r) => r.name);
    if (stock.length && !skip.has(kind)) notes.push(`${kind}: ${stock.length} stock resources every instance has are referenced, not created (${stock.join(", ")})`);
  }
  if (!skip.has("flows")) {
    // AWS::Connect::ContactFlow has no Status: a saved (unpublished) flow is created published.
    const saved = sorted("flows").filter((r) => r.data.Status === "SAVED" && !isStock("flows", r.name, r.data)).map((r) => r.name);
    if (saved.length) notes.push(`flows: ${saved.length} saved (unpublished) flows are created published, AWS::Connect::ContactFlow has no Status (${saved.join(", ")})`);
  }
  for (const k of skip) if (recordsOf(snapshot, k).length) notes.push(`${k}: skipped (${recordsOf(snapshot, k).length} resources); references to them are parameters`);

  // Pass 2: properties.
  const resources: ModelResource[] = [];
  let structureId: string | undefined;
  const lambdaDone = new Set<string>();
  for (const kind of EXPORT_KINDS) {
    if (skip.has(kind)) continue;
    for (const r of sorted(kind)) {
      const holder = `${kind} "${r.name}"`;
      if (kind === "lambdaFunctions") {
        const param = refs.lambdaParam(r.id);
        if (lambdaDone.has((param as { $param: string }).$param)) continue;
        lambdaDone.add((param as { $param: string }).$param);
        resources.push({ logicalId: ids.claim("LambdaAssociation", r.name), type: "lambdaAssociation", kind, name: r.name, properties: { InstanceId: { $param: INSTANCE_ARN_PARAM }, IntegrationType: "LAMBDA_FUNCTION", IntegrationArn: param } });
      } else if (kind === "lexBots") {
        const v2 = r.data.LexV2Bot as { AliasArn?: string } | undefined;
        const v1 = r.data.LexBot as { Name?: string; LexRegion?: string } | undefined;
        if (v2?.AliasArn) {
          const param = refs.lexParam(v2.AliasArn, v2.AliasArn.split(":").slice(5).join(":").replace(/^bot-alias\//, ""));
          resources.push({ logicalId: ids.claim("LexAssociation", r.name.replace(/^v2:/, "")), type: "lexV2Association", kind, name: r.name, properties: { InstanceId: { $param: INSTANCE_ARN_PARAM }, IntegrationType: "LEX_BOT", IntegrationArn: param } });
        } else if (v1?.Name) {
          // Lex V1 bots are named per Region; AWS::Connect::IntegrationAssociation takes the bot's ARN.
          const arn = `arn:aws:lex:${v1.LexRegion}:${snapshot.source.accountId}:bot:${v1.Name}`;
          resources.push({
            logicalId: ids.claim("LexAssociation", v1.Name), type: "lexV1Association", kind, name: r.name,
            properties: { InstanceId: { $param: INSTANCE_ARN_PARAM }, IntegrationType: "LEX_BOT", IntegrationArn: refs.lexParam(arn, v1.Name), LexBot: { Name: v1.Name, LexRegion: String(v1.LexRegion) } },
          });
        }
      } else if (kind === "phoneNumbers") {
        const flow = r.data.ContactFlowId;
        if (typeof flow !== "string" || flow === "") continue;
        resources.push({
          logicalId: ids.claim("PhoneNumberFlow", r.name.replace(/\D/g, "")), type: "phoneNumberFlow", kind, name: r.name,
          properties: { InstanceId: INSTANCE_ID, PhoneNumberArn: refs.phoneParam(r.id), ContactFlowArn: refs.link(holder, "flows", flow) },
        });
      } else if (kind === "hierarchyStructure") {
        const props = resourceProperties(kind, r, refs, holder);
        if (Object.keys(props.UserHierarchyStructure as object).length === 0) continue;
        structureId = ids.claim("HierarchyStructure", "");
        resources.push({ logicalId: structureId, type: "hierarchyStructure", kind, name: r.name, properties: props });
      } else {
        const p = planned.find((x) => x.record === r);
        if (!p) continue;
        resources.push({
          logicalId: p.logicalId, type: KIND_RESOURCE[kind]!.type, kind, name: r.name, properties: resourceProperties(kind, r, refs, holder),
          ...(kind === "hierarchyGroups" && structureId ? { dependsOn: [structureId] } : {}),
        });
      }
    }
  }

  const { resources: broken, deferred } = deferCycles(resources, ids);
  const parameters: ModelParameter[] = refs.parameters();
  if (broken.some((r) => r.type === "prompt")) {
    parameters.splice(1, 0, { name: PROMPT_PREFIX_PARAM, description: "S3 folder holding the prompts' audio, one object per prompt named after it (s3://bucket/prefix, no trailing slash)" });
  }
  const src = snapshot.source;
  return {
    description: `Amazon Connect configuration exported by connect-dr from instance ${src.instanceId} (${src.region}, account ${src.accountId})`,
    parameters,
    resources: broken,
    deferred,
    notes,
  };
}

/** Resource-to-resource references of a value (ARN or id of a created resource). */
function targets(v: Value): string[] {
  return [...new Set(tokensIn(v).filter((t): t is Extract<Token, { $res: string }> => "$res" in t).map((t) => t.$res))];
}

/**
 * Flows and modules whose content closes a reference cycle are created with stub content, and
 * their real content is written once everything exists; a queue's quick connects that close one
 * are associated afterwards. Everything else is an ordinary reference.
 */
function deferCycles(resources: ModelResource[], ids: LogicalIds): { resources: ModelResource[]; deferred: DeferredWrite[] } {
  const edges: RefEdge[] = [];
  for (const r of resources) {
    for (const [key, v] of Object.entries(r.properties)) {
      const deferrable = ((r.type === "flow" || r.type === "flowModule") && key === "Content") || (r.type === "queue" && key === "QuickConnectArns");
      if (r.type === "queue" && key === "QuickConnectArns") {
        for (const item of v as Value[]) for (const to of targets(item)) edges.push({ from: r.logicalId, to, deferrable });
      } else for (const to of targets(v)) edges.push({ from: r.logicalId, to, deferrable });
    }
  }
  const { deferred: cut } = breakCycles(resources.map((r) => r.logicalId), edges);
  if (cut.length === 0) return { resources, deferred: [] };
  const cutFrom = new Map<string, Set<string>>();
  for (const e of cut) (cutFrom.get(e.from) ?? cutFrom.set(e.from, new Set()).get(e.from)!).add(e.to);
  const deferred: DeferredWrite[] = [];
  const out = resources.map((r) => {
    const cuts = cutFrom.get(r.logicalId);
    if (!cuts) return r;
    if (r.type === "queue") {
      const all = r.properties.QuickConnectArns as Value[];
      const later = all.filter((v) => targets(v).some((t) => cuts.has(t)));
      const now = all.filter((v) => !later.includes(v));
      deferred.push({ logicalId: ids.claim("", `${r.logicalId}QuickConnects`), action: "AssociateQueueQuickConnects", target: r.logicalId, value: later });
      const { QuickConnectArns: _drop, ...rest } = r.properties;
      return { ...r, properties: now.length ? { ...rest, QuickConnectArns: now } : rest };
    }
    deferred.push({ logicalId: ids.claim("", `${r.logicalId}Content`), action: r.type === "flow" ? "UpdateContactFlowContent" : "UpdateContactFlowModuleContent", target: r.logicalId, value: r.properties.Content! });
    return { ...r, properties: { ...r.properties, Content: stubContent(r.kind, r.properties.Type as string | undefined) } };
  });
  return { resources: out, deferred };
}

