import type * as pulumi from "@pulumi/pulumi";

/**
 * The module of every ACGR dynamic resource: `pulumi.dynamic.Resource` registers the type
 * `pulumi-nodejs:dynamic/<module>:<type>`, so each resource gets a token of its own
 * (`pulumi-nodejs:dynamic/acgr:InstanceReplica`, ...) that policies and the gate can match.
 */
export const ACGR_MODULE = "acgr";

/**
 * Types the same resource had before: the SDK's default `pulumi-nodejs:dynamic:Resource` and the
 * `connect-dr` module the first release used. Aliasing them lets existing stacks keep the resource
 * instead of replacing it (a replaced replica would be deleted and replicated again).
 */
export function acgrTypeAliases(type: string): pulumi.Alias[] {
  return [{ type: "pulumi-nodejs:dynamic:Resource" }, { type: `pulumi-nodejs:dynamic/connect-dr:${type}` }];
}
