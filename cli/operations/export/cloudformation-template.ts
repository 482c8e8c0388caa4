import { isToken, type DeferredWrite, type ModelResource, type ResourceType, type TemplateModel, type Token, type Value } from "./template-model";
import { FormatError } from "./format-support";

type J = Record<string, unknown>;

/** CloudFormation resource type and ARN attribute of each resource type the model holds. */
export const CFN_TYPES: Record<Exclude<ResourceType, "phoneNumberFlow">, { type: string; arnAttr?: string }> = {
  hours: { type: "AWS::Connect::HoursOfOperation", arnAttr: "HoursOfOperationArn" },
  queue: { type: "AWS::Connect::Queue", arnAttr: "QueueArn" },
  flow: { type: "AWS::Connect::ContactFlow", arnAttr: "ContactFlowArn" },
  flowModule: { type: "AWS::Connect::ContactFlowModule", arnAttr: "ContactFlowModuleArn" },
  routingProfile: { type: "AWS::Connect::RoutingProfile", arnAttr: "RoutingProfileArn" },
  quickConnect: { type: "AWS::Connect::QuickConnect", arnAttr: "QuickConnectArn" },
  securityProfile: { type: "AWS::Connect::SecurityProfile", arnAttr: "SecurityProfileArn" },
  hierarchyStructure: { type: "AWS::Connect::UserHierarchyStructure", arnAttr: "UserHierarchyStructureArn" },
  hierarchyGroup: { type: "AWS::Connect::UserHierarchyGroup", arnAttr: "UserHierarchyGroupArn" },
  user: { type: "AWS::Connect::User", arnAttr: "UserArn" },
  agentStatus: { type: "AWS::Connect::AgentStatus", arnAttr: "AgentStatusArn" },
  prompt: { type: "AWS::Connect::Prompt", arnAttr: "PromptArn" },
  lambdaAssociation: { type: "AWS::Connect::IntegrationAssociation" },
  lexV1Association: { type: "AWS::Connect::IntegrationAssociation" },
  lexV2Association: { type: "AWS::Connect::IntegrationAssociation" },
};

/** CloudFormation quotas per template (AWS CloudFormation User Guide, "CloudFormation quotas"). */
export const CFN_QUOTAS = { resources: 500, parameters: 200, outputs: 200 };

/** A template CloudFormation would refuse: fail now, naming the quota and what to do. */
function checkQuotas(model: TemplateModel): void {
  const resources = model.resources.length + model.deferred.length + (model.deferred.length ? 2 : 0);
  if (resources > CFN_QUOTAS.resources) {
    throw new FormatError("cloudformation", "template", `the template would hold ${resources} resources; CloudFormation allows ${CFN_QUOTAS.resources} per template`, "export --format terraform (no such quota), or --skip kinds this template need not create");
  }
  if (model.parameters.length > CFN_QUOTAS.parameters) {
    throw new FormatError("cloudformation", "template", `the template would take ${model.parameters.length} parameters; CloudFormation allows ${CFN_QUOTAS.parameters}`, "export --format terraform, or --skip fewer kinds (each resource of a skipped kind that is referenced becomes a parameter)");
  }
}

/** The custom resource type that makes the writes breaking reference cycles. */
export const DEFERRED_TYPE = "Custom::ConnectDrDeferredWrite";
export const DEFERRED_FUNCTION = "ConnectDrDeferredWriteFunction";
export const DEFERRED_ROLE = "ConnectDrDeferredWriteRole";

/** Inline handler: one Connect write per custom resource, on Create and Update; Delete does nothing. */
const HANDLER = `import boto3, cfnresponse
def handler(event, context):
    p = event.get("ResourceProperties", {})
    physical = event.get("PhysicalResourceId") or p.get("Target", "") + "/" + p.get("Action", "")
    try:
        if event["RequestType"] in ("Create", "Update"):
            connect = boto3.client("connect")
            parts = p["Target"].split("/")
            instance, rid = parts[1], parts[3]
            if p["Action"] == "UpdateContactFlowContent":
                connect.update_contact_flow_content(InstanceId=instance, ContactFlowId=rid, Content=p["Content"])
            elif p["Action"] == "UpdateContactFlowModuleContent":
                connect.update_contact_flow_module_content(InstanceId=instance, ContactFlowModuleId=rid, Content=p["Content"])
            elif p["Action"] == "AssociateQueueQuickConnects":
                ids = [a.split("/")[3] for a in p["QuickConnectArns"]]
                connect.associate_queue_quick_connects(InstanceId=instance, QueueId=rid, QuickConnectIds=ids)
        cfnresponse.send(event, context, cfnresponse.SUCCESS, {}, physical)
    except Exception as e:
        cfnresponse.send(event, context, cfnresponse.FAILED, {"Error": str(e)}, physical)
`;


/** Fn::Sub template text: literal `${` must be written `${!`. */
const escapeSub = (s: string) => s.replace(/\$\{/g, () => "${!");

/** A token as a CloudFormation intrinsic function. */
export function cfnToken(t: Token, arnAttr: (logicalId: string) => string): unknown {
  if ("$res" in t) {
    const arn = { "Fn::GetAtt": [t.$res, arnAttr(t.$res)] };
    return t.attr === "arn" ? arn : { "Fn::Select": [3, { "Fn::Split": ["/", arn] }] };
  }
  if ("$param" in t) return { Ref: t.$param };
  if ("$pseudo" in t) return { Ref: `AWS::${t.$pseudo}` };
  if ("$segment" in t) return { "Fn::Select": [t.index, { "Fn::Split": ["/", cfnToken(t.$segment, arnAttr)] }] };
  // $join: Fn::Sub, with GetAtt/Ref inline and anything else as a named variable.
  const vars: J = {};
  let text = "";
  for (const p of t.$join) {
    if (typeof p === "string") text += escapeSub(p);
    else if ("$res" in p && p.attr === "arn") text += `\${${p.$res}.${arnAttr(p.$res)}}`;
    else if ("$param" in p) text += `\${${p.$param}}`;
    else if ("$pseudo" in p) text += `\${AWS::${p.$pseudo}}`;
    else {
      const name = "$res" in p ? `${p.$res}Id` : `Var${Object.keys(vars).length + 1}`;
      if (!(name in vars)) vars[name] = cfnToken(p, arnAttr);
      text += `\${${name}}`;
    }
  }
  const keys = Object.keys(vars).sort();
  return keys.length ? { "Fn::Sub": [text, Object.fromEntries(keys.map((k) => [k, vars[k]]))] } : { "Fn::Sub": text };
}

function cfnValue(v: Value, arnAttr: (id: string) => string): unknown {
  if (isToken(v)) return cfnToken(v, arnAttr);
  if (Array.isArray(v)) return v.map((x) => cfnValue(x as Value, arnAttr));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cfnValue(x as Value, arnAttr)]));
  return v;
}

/**
 * The CloudFormation template for a model. Writes that break reference cycles become custom
 * resources served by one inline Lambda function whose role may make exactly those writes on exactly
 * those resources.
 */
export function cloudFormationTemplate(model: TemplateModel): J {
  const unsupported = model.resources.filter((r) => r.type === "phoneNumberFlow");
  if (unsupported.length) {
    throw new FormatError(
      "cloudformation", "phoneNumbers",
      `${unsupported.length} phone number flow associations (${unsupported.slice(0, 3).map((r) => r.name).join(", ")}${unsupported.length > 3 ? ", ..." : ""}): ` +
        "no AWS::Connect resource associates a phone number with a flow",
      "pass --skip phoneNumbers and associate them after the deploy with `connect-dr restore --kinds phoneNumbers`, or export --format terraform (aws_connect_phone_number_contact_flow_association)",
    );
  }
  checkQuotas(model);
  const typeOf = new Map<string, ModelResource>(model.resources.map((r) => [r.logicalId, r]));
  const arnAttr = (id: string) => {
    const r = typeOf.get(id);
    const attr = r ? CFN_TYPES[r.type as keyof typeof CFN_TYPES].arnAttr : undefined;
    if (!attr) throw new Error(`${id} has no ARN attribute`);
    return attr;
  };
  const parameters: J = {};
  for (const p of model.parameters) parameters[p.name] = { Type: "String", Description: p.description.slice(0, 4000), ...(p.default !== undefined ? { Default: p.default } : {}) };
  const resources: J = {};
  for (const r of model.resources) {
    const { LexBot: _v1, ...props } = r.properties as Record<string, Value>;
    resources[r.logicalId] = {
      Type: CFN_TYPES[r.type as keyof typeof CFN_TYPES].type,
      ...(r.dependsOn?.length ? { DependsOn: [...r.dependsOn] } : {}),
      Properties: cfnValue(props, arnAttr),
    };
  }
  if (model.deferred.length) addDeferred(resources, model.deferred, arnAttr);
  const withArn = model.resources.filter((r) => CFN_TYPES[r.type as keyof typeof CFN_TYPES].arnAttr && r.type !== "hierarchyStructure");
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: model.description,
    Metadata: { "connect-dr": { notes: [...model.notes] } },
    Parameters: parameters,
    Resources: resources,
    // Outputs are a convenience; a template may have at most 200, so large exports go without.
    ...(withArn.length <= CFN_QUOTAS.outputs ? { Outputs: Object.fromEntries(withArn.map((r) => [`${r.logicalId}Arn`, { Value: cfnToken({ $res: r.logicalId, attr: "arn" }, arnAttr) }])) } : {}),
  };
}

function addDeferred(resources: J, deferred: readonly DeferredWrite[], arnAttr: (id: string) => string): void {
  const targets = [...new Set(deferred.map((d) => d.target))].sort();
  const actions = [...new Set(deferred.map((d) => `connect:${d.action}`))].sort();
  resources[DEFERRED_ROLE] = {
    Type: "AWS::IAM::Role",
    Properties: {
      AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] },
      Policies: [
        {
          PolicyName: "deferred-writes",
          PolicyDocument: {
            Version: "2012-10-17",
            Statement: [
              { Effect: "Allow", Action: actions, Resource: [...targets.map((t) => cfnToken({ $res: t, attr: "arn" }, arnAttr)), ...quickConnectArns(deferred, arnAttr)] },
              { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: { "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/${AWS::StackName}-deferred-writes:*" } },
              { Effect: "Allow", Action: "logs:CreateLogGroup", Resource: { "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/${AWS::StackName}-deferred-writes" } },
            ],
          },
        },
      ],
    },
  };
  resources[DEFERRED_FUNCTION] = {
    Type: "AWS::Lambda::Function",
    Properties: {
      FunctionName: { "Fn::Sub": "${AWS::StackName}-deferred-writes" },
      Description: "connect-dr: writes that close reference cycles between Connect resources",
      Runtime: "python3.12",
      Handler: "index.handler",
      Timeout: 120,
      Role: { "Fn::GetAtt": [DEFERRED_ROLE, "Arn"] },
      Code: { ZipFile: HANDLER },
    },
  };
  for (const d of deferred) {
    const value = d.action === "AssociateQueueQuickConnects" ? { QuickConnectArns: cfnValue(d.value, arnAttr) } : { Content: cfnValue(d.value, arnAttr) };
    resources[d.logicalId] = {
      Type: DEFERRED_TYPE,
      Properties: { ServiceToken: { "Fn::GetAtt": [DEFERRED_FUNCTION, "Arn"] }, Action: d.action, Target: cfnToken({ $res: d.target, attr: "arn" }, arnAttr), ...value },
    };
  }
}

/** The quick connects a deferred association names (the role may only associate those). */
function quickConnectArns(deferred: readonly DeferredWrite[], arnAttr: (id: string) => string): unknown[] {
  const out = new Map<string, unknown>();
  for (const d of deferred.filter((x) => x.action === "AssociateQueueQuickConnects")) {
    for (const v of d.value as Value[]) out.set(JSON.stringify(v), cfnValue(v, arnAttr));
  }
  return [...out.keys()].sort().map((k) => out.get(k));
}

