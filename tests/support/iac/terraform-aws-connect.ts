/**
 * The arguments and blocks of each aws_connect_* resource as the Terraform AWS provider documents
 * them (registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/<name without aws_>,
 * "Argument Reference"). Encoded by hand from those pages: a block maps to its own table.
 */
export interface TfBlock {
  /** Argument or block name -> nested block (object) or true (a plain argument). */
  readonly args: Readonly<Record<string, true | TfBlock>>;
  readonly required: readonly string[];
}

export interface TfResourceDoc extends TfBlock {
  readonly doc: string;
}

const DOC = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/";
const block = (args: Record<string, true | TfBlock>, required: string[] = []): TfBlock => ({ args, required });
const time = block({ hours: true, minutes: true }, ["hours", "minutes"]);
const level = block({ name: true }, ["name"]);

/** Meta-arguments any resource may carry (Terraform language: "Meta-Arguments"). */
export const META_ARGUMENTS = new Set(["depends_on", "lifecycle", "provider", "count", "for_each", "provisioner"]);

export const TF_CONNECT_RESOURCES: Readonly<Record<string, TfResourceDoc>> = {
  aws_connect_hours_of_operation: {
    doc: `${DOC}connect_hours_of_operation`,
    args: { instance_id: true, name: true, description: true, time_zone: true, tags: true, config: block({ day: true, start_time: time, end_time: time }, ["day", "start_time", "end_time"]) },
    required: ["instance_id", "name", "time_zone", "config"],
  },
  aws_connect_queue: {
    doc: `${DOC}connect_queue`,
    args: {
      instance_id: true, name: true, description: true, hours_of_operation_id: true, max_contacts: true, quick_connect_ids: true, status: true, tags: true,
      outbound_caller_config: block({ outbound_caller_id_name: true, outbound_caller_id_number_id: true, outbound_flow_id: true }),
    },
    required: ["instance_id", "name", "hours_of_operation_id"],
  },
  aws_connect_contact_flow: {
    doc: `${DOC}connect_contact_flow`,
    args: { instance_id: true, name: true, type: true, description: true, content: true, content_hash: true, filename: true, tags: true },
    required: ["instance_id", "name"],
  },
  aws_connect_contact_flow_module: {
    doc: `${DOC}connect_contact_flow_module`,
    args: { instance_id: true, name: true, description: true, content: true, content_hash: true, filename: true, tags: true },
    required: ["instance_id", "name"],
  },
  aws_connect_routing_profile: {
    doc: `${DOC}connect_routing_profile`,
    args: {
      instance_id: true, name: true, description: true, default_outbound_queue_id: true, tags: true,
      media_concurrencies: block({ channel: true, concurrency: true }, ["channel", "concurrency"]),
      queue_configs: block({ channel: true, delay: true, priority: true, queue_id: true }, ["channel", "delay", "priority", "queue_id"]),
    },
    required: ["instance_id", "name", "description", "default_outbound_queue_id", "media_concurrencies"],
  },
  aws_connect_quick_connect: {
    doc: `${DOC}connect_quick_connect`,
    args: {
      instance_id: true, name: true, description: true, tags: true,
      quick_connect_config: block(
        {
          quick_connect_type: true,
          phone_config: block({ phone_number: true }, ["phone_number"]),
          queue_config: block({ contact_flow_id: true, queue_id: true }, ["contact_flow_id", "queue_id"]),
          user_config: block({ contact_flow_id: true, user_id: true }, ["contact_flow_id", "user_id"]),
        },
        ["quick_connect_type"],
      ),
    },
    required: ["instance_id", "name", "quick_connect_config"],
  },
  aws_connect_security_profile: {
    doc: `${DOC}connect_security_profile`,
    args: { instance_id: true, name: true, description: true, permissions: true, tags: true },
    required: ["instance_id", "name"],
  },
  aws_connect_user_hierarchy_structure: {
    doc: `${DOC}connect_user_hierarchy_structure`,
    args: { instance_id: true, hierarchy_structure: block({ level_one: level, level_two: level, level_three: level, level_four: level, level_five: level }) },
    required: ["instance_id", "hierarchy_structure"],
  },
  aws_connect_user_hierarchy_group: {
    doc: `${DOC}connect_user_hierarchy_group`,
    args: { instance_id: true, name: true, parent_group_id: true, tags: true },
    required: ["instance_id", "name"],
  },
  aws_connect_user: {
    doc: `${DOC}connect_user`,
    args: {
      instance_id: true, name: true, password: true, routing_profile_id: true, security_profile_ids: true, directory_user_id: true, hierarchy_group_id: true, tags: true,
      identity_info: block({ email: true, first_name: true, last_name: true, secondary_email: true }),
      phone_config: block({ phone_type: true, auto_accept: true, after_contact_work_time_limit: true, desk_phone_number: true }, ["phone_type"]),
    },
    required: ["instance_id", "name", "routing_profile_id", "security_profile_ids", "phone_config"],
  },
  aws_connect_lambda_function_association: {
    doc: `${DOC}connect_lambda_function_association`,
    args: { instance_id: true, function_arn: true },
    required: ["instance_id", "function_arn"],
  },
  aws_connect_bot_association: {
    doc: `${DOC}connect_bot_association`,
    args: { instance_id: true, lex_bot: block({ lex_region: true, name: true }, ["name"]) },
    required: ["instance_id", "lex_bot"],
  },
  aws_connect_phone_number_contact_flow_association: {
    doc: `${DOC}connect_phone_number_contact_flow_association`,
    args: { instance_id: true, phone_number_id: true, contact_flow_id: true },
    required: ["instance_id", "phone_number_id", "contact_flow_id"],
  },
};

/** Problems of one resource body against its documented arguments, as `path: message`. */
export function checkTfBlock(body: Record<string, unknown>, doc: TfBlock, path: string, top = false): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(body)) {
    if (top && META_ARGUMENTS.has(k)) continue;
    const spec = doc.args[k];
    if (!spec) {
      out.push(`${path}.${k}: not a documented argument (documented: ${Object.keys(doc.args).join(", ")})`);
      continue;
    }
    if (spec !== true) {
      const items = Array.isArray(v) ? v : [v];
      items.forEach((item, i) => {
        if (!item || typeof item !== "object") out.push(`${path}.${k}[${i}]: a block must be an object`);
        else out.push(...checkTfBlock(item as Record<string, unknown>, spec, `${path}.${k}[${i}]`));
      });
    } else if (v && typeof v === "object" && !Array.isArray(v) && k !== "tags") out.push(`${path}.${k}: an argument, not a block`);
  }
  for (const r of doc.required) if (!(r in body)) out.push(`${path}: required argument ${r} is missing`);
  return out;
}
