/**
 * Every IAM policy document a synthesized stack declares, found by where AWS takes one (role trust and
 * inline policies, managed and inline policies, key, bucket, topic, queue, secret, event-bus and log
 * resource policies, SCPs), plus any other input that parses as a policy document, so that a new
 * policy-bearing resource type cannot slip past unchecked.
 */
import type { RecordedResource } from "../../../tools/synthesis/mock-cloud";

export type PolicyKind = "identity" | "trust" | "resource" | "scp";

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect?: string;
  readonly Principal?: unknown;
  readonly NotPrincipal?: unknown;
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface PolicyDocument {
  readonly Version?: string;
  readonly Statement: PolicyStatement | readonly PolicyStatement[];
}

/** One document, where it was declared and how AWS evaluates it. */
export interface FoundPolicy {
  readonly resource: RecordedResource;
  /** Input path, e.g. `policy` or `inlinePolicies[0].policy`. */
  readonly input: string;
  /** `undefined`: a policy document under an input this table does not know. */
  readonly kind: PolicyKind | undefined;
  readonly document: PolicyDocument;
}

/** Where each resource type takes a policy document, and its kind. */
export const POLICY_INPUTS: Readonly<Record<string, Readonly<Record<string, PolicyKind>>>> = {
  "aws:iam/role:Role": { assumeRolePolicy: "trust", "inlinePolicies[].policy": "identity" },
  "aws:iam/rolePolicy:RolePolicy": { policy: "identity" },
  "aws:iam/policy:Policy": { policy: "identity" },
  "aws:iam/userPolicy:UserPolicy": { policy: "identity" },
  "aws:iam/groupPolicy:GroupPolicy": { policy: "identity" },
  "aws:kms/key:Key": { policy: "resource" },
  "aws:kms/keyPolicy:KeyPolicy": { policy: "resource" },
  "aws:kms/replicaKey:ReplicaKey": { policy: "resource" },
  "aws:s3/bucketPolicy:BucketPolicy": { policy: "resource" },
  "aws:sns/topic:Topic": { policy: "resource" },
  "aws:sns/topicPolicy:TopicPolicy": { policy: "resource" },
  "aws:sqs/queue:Queue": { policy: "resource" },
  "aws:sqs/queuePolicy:QueuePolicy": { policy: "resource" },
  "aws:secretsmanager/secretPolicy:SecretPolicy": { policy: "resource" },
  "aws:cloudwatch/eventBusPolicy:EventBusPolicy": { policy: "resource" },
  "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": { policyDocument: "resource" },
  "aws:organizations/policy:Policy": { content: "scp" },
};

function parseDocument(value: unknown): PolicyDocument | undefined {
  const parsed = typeof value === "string" ? tryJson(value) : value;
  return parsed && typeof parsed === "object" && !Array.isArray(parsed) && "Statement" in parsed ? (parsed as PolicyDocument) : undefined;
}

function tryJson(text: string): unknown {
  if (!/^\s*\{/.test(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every policy document among the inputs of `resources`. */
export function findPolicies(resources: readonly RecordedResource[]): FoundPolicy[] {
  const found: FoundPolicy[] = [];
  for (const resource of resources) {
    const known = POLICY_INPUTS[resource.type] ?? {};
    const visit = (value: unknown, path: string, pattern: string): void => {
      const document = parseDocument(value);
      if (document) {
        found.push({ resource, input: path, kind: known[pattern], document });
        return;
      }
      if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`, `${pattern}[]`));
      else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`, `${pattern}.${k}`);
    };
    for (const [key, value] of Object.entries(resource.inputs)) visit(value, key, key);
  }
  return found;
}

/** A statement list, whichever form the document uses. */
export function statementsOf(document: PolicyDocument): readonly PolicyStatement[] {
  const statement = document.Statement;
  return isList(statement) ? statement : [statement];
}

function isList<T>(value: T | readonly T[]): value is readonly T[] {
  return Array.isArray(value);
}

/** An element that may be a string or a list, as a list. */
export function listOf(value: string | readonly string[] | undefined): readonly string[] {
  return value === undefined ? [] : isList(value) ? value : [value];
}
