import { snakeName } from "./logical-ids";
import { FormatError } from "./format-support";
import { isToken, type DeferredWrite, type ModelParameter, type ModelResource, type ResourceType, type TemplateModel, type Token, type Value } from "./template-model";

type J = Record<string, unknown>;

/** Terraform AWS provider resource type and id attribute of each model resource type it can express. */
export const TF_TYPES: Partial<Record<ResourceType, { type: string; idAttr?: string; dataSource?: string }>> = {
  hours: { type: "aws_connect_hours_of_operation", idAttr: "hours_of_operation_id", dataSource: "aws_connect_hours_of_operation" },
  queue: { type: "aws_connect_queue", idAttr: "queue_id", dataSource: "aws_connect_queue" },
  flow: { type: "aws_connect_contact_flow", idAttr: "contact_flow_id", dataSource: "aws_connect_contact_flow" },
  flowModule: { type: "aws_connect_contact_flow_module", idAttr: "contact_flow_module_id", dataSource: "aws_connect_contact_flow_module" },
  routingProfile: { type: "aws_connect_routing_profile", idAttr: "routing_profile_id", dataSource: "aws_connect_routing_profile" },
  quickConnect: { type: "aws_connect_quick_connect", idAttr: "quick_connect_id", dataSource: "aws_connect_quick_connect" },
  securityProfile: { type: "aws_connect_security_profile", idAttr: "security_profile_id", dataSource: "aws_connect_security_profile" },
  hierarchyStructure: { type: "aws_connect_user_hierarchy_structure" },
  hierarchyGroup: { type: "aws_connect_user_hierarchy_group", idAttr: "hierarchy_group_id", dataSource: "aws_connect_user_hierarchy_group" },
  user: { type: "aws_connect_user", idAttr: "user_id", dataSource: "aws_connect_user" },
  prompt: { dataSource: "aws_connect_prompt" } as { type: string; dataSource: string },
  lambdaAssociation: { type: "aws_connect_lambda_function_association" },
  lexV1Association: { type: "aws_connect_bot_association" },
  phoneNumberFlow: { type: "aws_connect_phone_number_contact_flow_association" },
};

/** What Terraform's AWS provider has no resource for, and what to do instead. */
const UNSUPPORTED: Partial<Record<ResourceType, { kind: "agentStatuses" | "prompts" | "lexBots"; why: string; remedy: string }>> = {
  agentStatus: { kind: "agentStatuses", why: "the AWS provider has no agent status resource", remedy: "pass --skip agentStatuses and create them with `connect-dr restore --kinds agentStatuses`, or export --format cloudformation (AWS::Connect::AgentStatus)" },
  prompt: { kind: "prompts", why: "the AWS provider has no prompt resource (only the aws_connect_prompt data source)", remedy: "upload the prompts first and pass --skip prompts (flows then look them up by name), or export --format cloudformation (AWS::Connect::Prompt)" },
  lexV2Association: { kind: "lexBots", why: "aws_connect_bot_association only associates Lex V1 bots", remedy: "pass --skip lexBots and associate the Lex V2 aliases with `aws connect associate-bot --lex-v2-bot AliasArn=...` (or connect-dr restore --kinds lexBots), or export --format cloudformation (AWS::Connect::IntegrationAssociation)" },
};

/** Literal text in a Terraform string: `${` and `%{` start templates, so they are doubled. */
const esc = (s: string) => s.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");

export interface TerraformNames {
  resource(logicalId: string): { type: string; name: string; idAttr?: string };
  param(name: string): string;
}

/** A token as a Terraform expression (without `${}`). */
export function tfExpr(t: Token, n: TerraformNames): string {
  if ("$res" in t) {
    const r = n.resource(t.$res);
    return `${r.type}.${r.name}.${t.attr === "arn" ? "arn" : r.idAttr}`;
  }
  if ("$param" in t) return n.param(t.$param);
  if ("$pseudo" in t) return t.$pseudo === "AccountId" ? "data.aws_caller_identity.current.account_id" : "data.aws_partition.current.partition";
  if ("$segment" in t) return `element(split("/", ${tfExpr(t.$segment, n)}), ${t.index})`;
  return `"${t.$join.map((p) => (typeof p === "string" ? JSON.stringify(esc(p)).slice(1, -1) : `\${${tfExpr(p, n)}}`)).join("")}"`;
}

function tfString(t: Token, n: TerraformNames): string {
  if ("$join" in t) return t.$join.map((p) => (typeof p === "string" ? esc(p) : `\${${tfExpr(p, n)}}`)).join("");
  return `\${${tfExpr(t, n)}}`;
}

/** A model value as a .tf.json value: literal strings escaped, tokens interpolated. */
export function tfValue(v: Value, n: TerraformNames): unknown {
  if (isToken(v)) return tfString(v, n);
  if (typeof v === "string") return esc(v);
  if (Array.isArray(v)) return v.map((x) => tfValue(x as Value, n));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, tfValue(x as Value, n)]));
  return v;
}

const tags = (v: Value | undefined): Record<string, Value> | undefined =>
  Array.isArray(v) && v.length ? Object.fromEntries((v as { Key: string; Value: Value }[]).map((t) => [t.Key, t.Value])) : undefined;
const idOf = (v: Value | undefined): Value | undefined => (v !== undefined && isToken(v) && "$res" in v ? { $res: v.$res, attr: "id" } : v !== undefined && isToken(v) ? { $segment: v, index: 3 } : v);
function compact(o: Record<string, unknown>): J {
  const out: J = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

/** The Terraform arguments of one resource, from its CloudFormation-named properties. */
export function tfArguments(r: ModelResource): J {
  const p = r.properties as Record<string, any>;
  const instance_id = { $segment: { $param: "InstanceArn" }, index: 1 };
  const time = (t: { Hours: number; Minutes: number }) => [{ hours: t.Hours, minutes: t.Minutes }];
  switch (r.type) {
    case "hours":
      return compact({ instance_id, name: p.Name, description: p.Description, time_zone: p.TimeZone, config: p.Config.map((c: any) => ({ day: c.Day, start_time: time(c.StartTime), end_time: time(c.EndTime) })), tags: tags(p.Tags) });
    case "queue": {
      const o = p.OutboundCallerConfig;
      return compact({
        instance_id, name: p.Name, description: p.Description, hours_of_operation_id: idOf(p.HoursOfOperationArn), max_contacts: p.MaxContacts,
        outbound_caller_config: o ? [compact({ outbound_caller_id_name: o.OutboundCallerIdName, outbound_caller_id_number_id: o.OutboundCallerIdNumberArn ? { $segment: o.OutboundCallerIdNumberArn, index: 1 } : undefined, outbound_flow_id: idOf(o.OutboundFlowArn) })] : undefined,
        quick_connect_ids: p.QuickConnectArns?.map(idOf), status: p.Status, tags: tags(p.Tags),
      });
    }
    case "flow":
      return compact({ instance_id, name: p.Name, type: p.Type, description: p.Description, content: p.Content, tags: tags(p.Tags) });
    case "flowModule":
      return compact({ instance_id, name: p.Name, description: p.Description, content: p.Content, tags: tags(p.Tags) });
    case "routingProfile":
      return compact({
        instance_id, name: p.Name, description: p.Description, default_outbound_queue_id: idOf(p.DefaultOutboundQueueArn),
        media_concurrencies: p.MediaConcurrencies.map((m: any) => ({ channel: m.Channel, concurrency: m.Concurrency })),
        queue_configs: p.QueueConfigs?.map((q: any) => ({ channel: q.QueueReference.Channel, delay: q.Delay, priority: q.Priority, queue_id: idOf(q.QueueReference.QueueArn) })),
        tags: tags(p.Tags),
      });
    case "quickConnect": {
      const c = p.QuickConnectConfig;
      return compact({
        instance_id, name: p.Name, description: p.Description,
        quick_connect_config: [compact({
          quick_connect_type: c.QuickConnectType,
          phone_config: c.PhoneConfig ? [{ phone_number: c.PhoneConfig.PhoneNumber }] : undefined,
          queue_config: c.QueueConfig ? [{ contact_flow_id: idOf(c.QueueConfig.ContactFlowArn), queue_id: idOf(c.QueueConfig.QueueArn) }] : undefined,
          user_config: c.UserConfig ? [{ contact_flow_id: idOf(c.UserConfig.ContactFlowArn), user_id: idOf(c.UserConfig.UserArn) }] : undefined,
        })],
        tags: tags(p.Tags),
      });
    }
    case "securityProfile":
      return compact({ instance_id, name: p.SecurityProfileName, description: p.Description, permissions: p.Permissions, tags: tags(p.Tags) });
    case "hierarchyStructure": {
      const s = p.UserHierarchyStructure;
      const level = (l: any) => (l ? [{ name: l.Name }] : undefined);
      return { instance_id, hierarchy_structure: [compact({ level_one: level(s.LevelOne), level_two: level(s.LevelTwo), level_three: level(s.LevelThree), level_four: level(s.LevelFour), level_five: level(s.LevelFive) })] };
    }
    case "hierarchyGroup":
      return compact({ instance_id, name: p.Name, parent_group_id: idOf(p.ParentGroupArn), tags: tags(p.Tags) });
    case "user": {
      const i = p.IdentityInfo;
      const ph = p.PhoneConfig;
      return compact({
        instance_id, name: p.Username, routing_profile_id: idOf(p.RoutingProfileArn), security_profile_ids: p.SecurityProfileArns.map(idOf),
        hierarchy_group_id: idOf(p.HierarchyGroupArn), directory_user_id: p.DirectoryUserId,
        identity_info: i ? [compact({ first_name: i.FirstName, last_name: i.LastName, email: i.Email, secondary_email: i.SecondaryEmail })] : undefined,
        phone_config: [compact({ phone_type: ph.PhoneType, auto_accept: ph.AutoAccept, after_contact_work_time_limit: ph.AfterContactWorkTimeLimit, desk_phone_number: ph.DeskPhoneNumber })],
        tags: tags(p.Tags),
      });
    }
    case "lambdaAssociation":
      return { instance_id, function_arn: p.IntegrationArn };
    case "lexV1Association":
      return { instance_id, lex_bot: [{ lex_region: p.LexBot.LexRegion, name: p.LexBot.Name }] };
    case "phoneNumberFlow":
      return { instance_id, phone_number_id: { $segment: p.PhoneNumberArn, index: 1 }, contact_flow_id: idOf(p.ContactFlowArn) };
    default:
      throw new Error(`no Terraform arguments for ${r.type}`);
  }
}

/** Local-exec command of each deferred write (AWS CLI v2 where `terraform apply` runs). */
const COMMANDS: Record<DeferredWrite["action"], string> = {
  UpdateContactFlowContent: 'aws connect update-contact-flow-content --region "$REGION" --instance-id "$INSTANCE_ID" --contact-flow-id "$TARGET_ID" --content "$CONTENT"',
  UpdateContactFlowModuleContent: 'aws connect update-contact-flow-module-content --region "$REGION" --instance-id "$INSTANCE_ID" --contact-flow-module-id "$TARGET_ID" --content "$CONTENT"',
  AssociateQueueQuickConnects: 'aws connect associate-queue-quick-connects --region "$REGION" --instance-id "$INSTANCE_ID" --queue-id "$TARGET_ID" --quick-connect-ids $QUICK_CONNECT_IDS',
};

/**
 * The Terraform configuration (`.tf.json`) for a model. Parameters become variables; resources the
 * template references by name but does not create (stock, skipped) are data sources; writes that
 * break reference cycles are `terraform_data` resources running the AWS CLI.
 */
export function terraformConfig(model: TemplateModel): J {
  for (const r of model.resources) {
    const u = UNSUPPORTED[r.type];
    if (u) {
      const all = model.resources.filter((x) => x.type === r.type).map((x) => x.name);
      throw new FormatError("terraform", u.kind, `${all.length} resources (${all.slice(0, 3).join(", ")}${all.length > 3 ? ", ..." : ""}): ${u.why}`, u.remedy);
    }
  }
  const byId = new Map(model.resources.map((r) => [r.logicalId, r]));
  const stockParams = new Map<string, ModelParameter>(model.parameters.filter((p) => p.stock).map((p) => [p.name, p]));
  const names: TerraformNames = {
    resource: (id) => {
      const r = byId.get(id)!;
      const t = TF_TYPES[r.type]!;
      return { type: t.type, name: snakeName(id), ...(t.idAttr ? { idAttr: t.idAttr } : {}) };
    },
    param: (name) => {
      const s = stockParams.get(name);
      if (s) return `data.${TF_TYPES[s.stock!.type]!.dataSource}.${snakeName(name)}.arn`;
      return `var.${snakeName(name)}`;
    },
  };
  const variable: J = {};
  for (const p of model.parameters.filter((x) => !x.stock)) variable[snakeName(p.name)] = { type: "string", description: p.description, ...(p.default !== undefined ? { default: p.default } : {}) };
  const data: J = { aws_caller_identity: { current: {} }, aws_partition: { current: {} } };
  for (const p of stockParams.values()) {
    const ds = TF_TYPES[p.stock!.type]!.dataSource!;
    ((data[ds] ??= {}) as J)[snakeName(p.name)] = { instance_id: tfValue({ $segment: { $param: "InstanceArn" }, index: 1 }, names), name: esc(p.stock!.name) };
  }
  const resource: J = {};
  const deferredTargets = new Set(model.deferred.filter((d) => d.action !== "AssociateQueueQuickConnects").map((d) => d.target));
  const queueDeferred = new Set(model.deferred.filter((d) => d.action === "AssociateQueueQuickConnects").map((d) => d.target));
  for (const r of model.resources) {
    const n = names.resource(r.logicalId);
    const body = tfValue(tfArguments(r) as Value, names) as J;
    if (r.dependsOn?.length) body.depends_on = r.dependsOn.map((d) => `${names.resource(d).type}.${names.resource(d).name}`);
    // The deferred write owns these attributes after creation: plans must not undo it.
    if (deferredTargets.has(r.logicalId)) body.lifecycle = [{ ignore_changes: ["content"] }];
    if (queueDeferred.has(r.logicalId)) body.lifecycle = [{ ignore_changes: ["quick_connect_ids"] }];
    ((resource[n.type] ??= {}) as J)[n.name] = body;
  }
  for (const d of model.deferred) {
    const instance = { $segment: { $param: "InstanceArn" }, index: 1 } as Token;
    const env: Record<string, Value> = {
      REGION: { $join: [{ $segment: { $param: "InstanceArn" }, index: 0 } as Token] },
      INSTANCE_ID: instance,
      TARGET_ID: { $res: d.target, attr: "id" },
      ...(d.action === "AssociateQueueQuickConnects" ? { QUICK_CONNECT_IDS: { $join: (d.value as Value[]).flatMap((v, i) => [...(i ? [" "] : []), idOf(v) as Token]) } } : { CONTENT: d.value }),
    };
    const envTf = tfValue(env, names) as J;
    // The Region is the ARN's fourth `:` field.
    envTf.REGION = `\${element(split(":", ${names.param("InstanceArn")}), 3)}`;
    ((resource.terraform_data ??= {}) as J)[snakeName(d.logicalId)] = {
      triggers_replace: [envTf.TARGET_ID, envTf.CONTENT ?? envTf.QUICK_CONNECT_IDS],
      provisioner: [{ "local-exec": { command: COMMANDS[d.action], environment: envTf } }],
    };
  }
  return {
    "//": `${model.description}. ${model.notes.join("; ")}`,
    terraform: { required_version: ">= 1.4", required_providers: { aws: { source: "hashicorp/aws", version: ">= 5.0" } } },
    variable,
    data,
    resource,
    output: Object.fromEntries(
      model.resources.filter((r) => TF_TYPES[r.type]!.idAttr).map((r) => [`${snakeName(r.logicalId)}_arn`, { value: `\${${names.resource(r.logicalId).type}.${names.resource(r.logicalId).name}.arn}` }]),
    ),
  };
}
