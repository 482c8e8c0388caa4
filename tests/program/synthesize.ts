import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { readStackFileConfig } from "../../program/config";
import { defineStack } from "../../program/stack";
import { MockCloud, type MockCloudOptions, type RecordedResource, resolve, settle } from "../../tools/synthesis/mock-cloud";
import { recordRegistrations, type Registration } from "../../tools/synthesis/registrations";

/** The repository root (holds Pulumi.yaml and the stack files). */
export const PROJECT_DIR = path.resolve(__dirname, "../..");

/** What the primary stack would have exported, as the secondary reads it by StackReference. */
export const PRIMARY_STACK_OUTPUTS = {
  connectInstanceId: "11111111-2222-3333-4444-555555555555",
  connectInstanceArn: "arn:aws:connect:us-east-1:111122223333:instance/11111111-2222-3333-4444-555555555555",
  connectInstanceAlias: "example-corp-contact",
  crmKmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/0e1f2a3b-4c5d-6e7f-8091-a2b3c4d5e6f7",
  // What the committed primary stack's Lambda auto scaling exports.
  lambdaAlarmNames: ["connect-dr-customer-lookup", "connect-dr-queue-wait-time"].flatMap((fn) => [`connect-dr-lambda-${fn}-throttles-us-east-1`, `connect-dr-lambda-${fn}-errors-us-east-1`]),
  // The committed primary's flows (connect.flows), by name.
  connectFlowIds: { "Main inbound": "aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa", "Queue wait": "bbbbbbbb-2222-4222-8222-bbbbbbbbbbbb" },
  // The committed primary's VPC (connect-dr:vpc), as MockCloud synthesizes it: where the secondary
  // stack runs us-east-1's peer probe (stack-invariants checks these against the primary's outputs).
  vpcId: "vpc-74042b6d00df5e6bb",
  vpcPrivateSubnetIds: ["subnet-8284bdcf557dab163", "subnet-3671feb2781a573fd", "subnet-133647c78e12a2c67"],
};

/** A synthesized stack: what the engine received, the stack outputs and what the program constructed. */
type Synthesis = { cloud: MockCloud; outputs: Record<string, unknown>; registrations: readonly Registration[] };
const committed = new Map<string, Promise<Synthesis>>();
const computedRuns = new Map<string, Promise<Synthesis>>();

/**
 * The committed stack synthesized once with provider-computed attributes (`computed`, e.g. the ARNs
 * AWS would return), shared by every spec that asks with the same `key`.
 */
export function synthesizeComputed(stack: "primary" | "secondary", key: string, computed: MockCloudOptions["computed"]): Promise<Synthesis> {
  const id = `${stack}:${key}`;
  if (!computedRuns.has(id)) computedRuns.set(id, run(stack, () => {}, { "organization/connect-dr/primary": PRIMARY_STACK_OUTPUTS }, computed));
  return computedRuns.get(id)!;
}

/**
 * Runs the whole program for `stack` from its committed stack file under MockCloud. The unedited run
 * of each stack is done once and shared by the specs that only read it.
 */
export function synthesize(
  stack: "primary" | "secondary",
  edit?: (config: Record<string, string>) => void,
  stackOutputs?: Record<string, Record<string, unknown>>,
): Promise<Synthesis> {
  if (edit || stackOutputs) return run(stack, edit ?? (() => {}), stackOutputs ?? { "organization/connect-dr/primary": PRIMARY_STACK_OUTPUTS });
  if (!committed.has(stack)) committed.set(stack, run(stack, () => {}, { "organization/connect-dr/primary": PRIMARY_STACK_OUTPUTS }));
  return committed.get(stack)!;
}

async function run(
  stack: "primary" | "secondary",
  edit: (config: Record<string, string>) => void,
  stackOutputs: Record<string, Record<string, unknown>>,
  computed?: MockCloudOptions["computed"],
): Promise<Synthesis> {
  const config = readStackFileConfig(stack, PROJECT_DIR);
  edit(config);
  const cloud = new MockCloud({ stack, config, stackOutputs, computed }).install();
  const recorder = recordRegistrations();
  try {
    const declared = defineStack({ projectDir: PROJECT_DIR });
    await settle();
    const outputs = (await resolve(pulumi.output(declared))) as Record<string, unknown>;
    return { cloud, outputs, registrations: recorder.registrations };
  } finally {
    recorder.stop();
  }
}

/** Resources a provider manages: custom, not a provider itself, not a dynamic (engine-hosted) resource. */
export function awsResources(cloud: MockCloud): RecordedResource[] {
  return cloud.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:") && !r.type.startsWith("pulumi-nodejs:dynamic/"));
}

/** A provider's engine-encoded inputs, decoded. */
export function providerInputs(r: RecordedResource): { region: string; assumeRoles: { roleArn: string; sessionName: string }[]; allowedAccountIds: string[]; defaultTags: { tags: Record<string, string> } } {
  const decode = (v: unknown): any => (typeof v === "string" ? JSON.parse(v) : v);
  return { region: r.inputs.region, assumeRoles: decode(r.inputs.assumeRoles), allowedAccountIds: decode(r.inputs.allowedAccountIds), defaultTags: decode(r.inputs.defaultTags) };
}
