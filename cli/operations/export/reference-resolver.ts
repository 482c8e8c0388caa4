import { ARN_SEGMENT, type Kind } from "../model/kinds";
import type { ResourceRecord, SourceInfo } from "../model/snapshot";
import { connectResource, isDynamic, parseArn } from "../references/arn";
import { classifyArn } from "../references/content-references";
import { idOf } from "../references/links";
import type { MappingFile } from "../restore/mapping-file";
import { LogicalIds, pascalName } from "./logical-ids";
import { INSTANCE_ARN_PARAM, INSTANCE_ID, join, type ModelParameter, type ResourceType, type Token } from "./template-model";

const KIND_OF_SEGMENT = new Map<string, Kind>(Object.entries(ARN_SEGMENT).map(([k, seg]) => [seg as string, k as Kind]));

/** Resource type and logical-id prefix of each kind that becomes a resource. */
export const KIND_RESOURCE: Partial<Record<Kind, { type: ResourceType; prefix: string }>> = {
  hours: { type: "hours", prefix: "Hours" },
  queues: { type: "queue", prefix: "Queue" },
  flows: { type: "flow", prefix: "Flow" },
  flowModules: { type: "flowModule", prefix: "FlowModule" },
  routingProfiles: { type: "routingProfile", prefix: "RoutingProfile" },
  quickConnects: { type: "quickConnect", prefix: "QuickConnect" },
  securityProfiles: { type: "securityProfile", prefix: "SecurityProfile" },
  hierarchyGroups: { type: "hierarchyGroup", prefix: "HierarchyGroup" },
  users: { type: "user", prefix: "User" },
  agentStatuses: { type: "agentStatus", prefix: "AgentStatus" },
  prompts: { type: "prompt", prefix: "Prompt" },
};

/** A reference the export cannot turn into a template reference. */
export class UnresolvedReferenceError extends Error {
  constructor(readonly holder: string, readonly reference: string, why: string) {
    super(`${holder}: cannot resolve ${reference}: ${why}`);
    this.name = "UnresolvedReferenceError";
  }
}

/**
 * Maps source ids and ARNs to template references: a resource the template creates, a parameter
 * (the instance, Lambda functions, Lex bots, phone numbers, and resources the template does not
 * create: stock ones and skipped kinds), or the account the template is deployed into.
 */
export class ReferenceResolver {
  /** Source id -> logical id of the resource created for it. */
  private readonly created = new Map<string, string>();
  /** Source id -> the record of a resource referenced by name (stock or skipped). */
  private readonly external = new Map<string, ResourceRecord>();
  private readonly params = new Map<string, ModelParameter>();
  private readonly paramByKey = new Map<string, string>();
  private readonly phoneById = new Map<string, ResourceRecord>();

  constructor(
    readonly source: SourceInfo,
    readonly ids: LogicalIds,
    readonly mapping: MappingFile,
  ) {
    this.params.set(INSTANCE_ARN_PARAM, {
      name: INSTANCE_ARN_PARAM,
      description: `ARN of the Amazon Connect instance to create the configuration in (exported from ${source.instanceArn})`,
    });
  }

  addCreated(record: ResourceRecord, logicalId: string): void {
    this.created.set(record.id, logicalId);
    if (record.arn) this.created.set(record.arn, logicalId);
  }

  addExternal(record: ResourceRecord): void {
    this.external.set(record.id, record);
    if (record.arn) this.external.set(record.arn, record);
  }

  addPhoneNumber(record: ResourceRecord): void {
    this.phoneById.set(record.id, record);
    if (record.arn) this.phoneById.set(record.arn, record);
  }

  parameters(): ModelParameter[] {
    return [...this.params.values()];
  }

  private param(key: string, make: () => Omit<ModelParameter, "name"> & { base: string }): Token {
    let name = this.paramByKey.get(key);
    if (!name) {
      const { base, ...rest } = make();
      name = this.ids.claim("", base);
      this.paramByKey.set(key, name);
      this.params.set(name, { name, ...rest });
    }
    return { $param: name };
  }

  /** The ARN of the resource of `kind` that the source id (or ARN) `value` names. */
  link(holder: string, kind: Kind, value: string): Token {
    const key = this.created.has(value) ? value : idOf(value);
    const logical = this.created.get(key);
    if (logical) return { $res: logical, attr: "arn" };
    const ext = this.external.get(key);
    if (ext) return this.externalParam(ext);
    if (kind === "phoneNumbers") return this.phoneParam(value);
    throw new UnresolvedReferenceError(holder, value, `no ${kind} resource with that id is in the backup`);
  }

  /** The parameter standing for a resource the template references by name but does not create. */
  private externalParam(r: ResourceRecord): Token {
    const res = KIND_RESOURCE[r.kind]!;
    return this.param(`ext:${r.kind}:${r.id}`, () => ({
      base: `Existing${res.prefix}${pascalName(r.name)}Arn`,
      description: `ARN of the ${r.kind} resource "${r.name}" in the target instance (not created by this template)`,
      stock: { type: res.type, name: r.name },
    }));
  }

  phoneParam(idOrArn: string): Token {
    const rec = this.phoneById.get(idOrArn) ?? this.phoneById.get(idOf(idOrArn));
    const number = rec?.name ?? idOf(idOrArn);
    const mapped = rec ? this.mapping.phoneNumbers[rec.name] : undefined;
    return this.param(`phone:${number}`, () => ({
      base: `PhoneNumber${number.replace(/\D/g, "") || pascalName(number)}Arn`,
      description: `ARN of the target instance's phone number for ${number}${mapped ? ` (mapping file: ${mapped})` : ""}`,
    }));
  }

  lambdaParam(arn: string): Token {
    const name = parseArn(arn)?.resource.split(":")[1] ?? arn;
    const mapped = this.mapping.lambda[arn] ?? this.mapping.lambda[name];
    return this.param(`lambda:${arn}`, () => ({ base: `LambdaFunction${pascalName(name)}Arn`, description: `ARN of the Lambda function (source: ${arn})`, default: mapped ?? arn }));
  }

  lexParam(arn: string, label: string): Token {
    const mapped = this.mapping.lex[arn];
    return this.param(`lex:${arn}`, () => ({ base: `LexBot${pascalName(label)}Arn`, description: `ARN of the Lex bot (source: ${arn})`, default: mapped ?? arn }));
  }

  /** The account an ARN's account field moves to: the deploying account for the source's own. */
  private account(account: string): string | Token {
    if (isDynamic(account)) return account;
    const mapped = this.mapping.accounts[account];
    if (mapped) return mapped;
    return account === this.source.accountId ? { $pseudo: "AccountId" } : account;
  }

  /** Resolves an ARN or bare id found inside flow content. */
  inText(holder: string, match: string, form: "arn" | "id"): string | Token | undefined {
    if (form === "id") {
      if (match === this.source.instanceId) return INSTANCE_ID;
      const logical = this.created.get(match);
      if (logical) return { $res: logical, attr: "id" };
      const ext = this.external.get(match);
      if (ext) return { $segment: this.externalParam(ext), index: 3 };
      return undefined; // a UUID that names nothing we know (block identifiers): kept verbatim
    }
    const ref = classifyArn(match);
    const arn = parseArn(match);
    if (!arn) return undefined;
    if (ref.type === "templated" || ref.type === "other-arn") {
      if (arn.service === "connect" && arn.resource.startsWith("phone-number/")) {
        return this.phoneById.has(idOf(match)) ? this.phoneParam(match) : undefined;
      }
      if (arn.service === "connect" && arn.resource === `instance/${this.source.instanceId}` && !isDynamic(arn.region)) return { $param: INSTANCE_ARN_PARAM };
      return undefined;
    }
    if (ref.type === "lambda") {
      if (ref.dynamicRegion) return join([`arn:${arn.partition}:lambda:${arn.region}:`, this.account(arn.account), `:${arn.resource}`]);
      return this.lambdaParam(match);
    }
    if (ref.type === "lex") {
      if (ref.dynamicRegion) return join([`arn:${arn.partition}:lex:${arn.region}:`, this.account(arn.account), `:${arn.resource}`]);
      return this.lexParam(match, arn.resource.replace(/^bot-alias\//, ""));
    }
    // A Connect resource.
    if (ref.instanceId !== this.source.instanceId) return undefined; // another instance's: not ours to move
    const kind = KIND_OF_SEGMENT.get(ref.segment);
    const res = connectResource(arn)!;
    const rest = arn.resource.split("/").slice(4);
    const plain = !isDynamic(arn.region) && rest.length === 0;
    const target = this.created.get(res.id);
    if (target) {
      if (plain) return { $res: target, attr: "arn" };
      return join([`arn:${arn.partition}:connect:${arn.region}:`, this.account(arn.account), ":instance/", INSTANCE_ID, `/${res.segment}/`, { $res: target, attr: "id" }, ...rest.map((r) => `/${r}`)]);
    }
    const ext = this.external.get(res.id);
    if (ext) return plain ? this.externalParam(ext) : join([`arn:${arn.partition}:connect:${arn.region}:`, this.account(arn.account), ":instance/", INSTANCE_ID, `/${res.segment}/`, { $segment: this.externalParam(ext), index: 3 }, ...rest.map((r) => `/${r}`)]);
    throw new UnresolvedReferenceError(holder, match, kind ? `no ${kind} resource with id ${res.id} is in the backup` : `unknown Connect resource type "${res.segment}"`);
  }
}
