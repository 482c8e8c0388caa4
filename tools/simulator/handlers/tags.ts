/**
 * TagResource, UntagResource and ListTagsForResource, addressed by ARN. Taggable: instances, every
 * instance-scoped resource family the simulator models (integration associations included),
 * traffic distribution groups and phone numbers. The ARN must be in the caller's account; instance-scoped ARNs must name the caller's
 * Region (either Region of a replicated instance works, as each has its own ARNs).
 */
import type { ListTagsForResourceRequest, ListTagsForResourceResponse, TagResourceRequest, UntagResourceRequest } from "@aws-sdk/client-connect";
import { familyOfArnType, parseConnectArn } from "../arns";
import { notFound } from "../errors";
import { resolveTrafficDistributionGroup } from "../global-resiliency";
import type { MirroredConfig } from "../state/model";
import { validateTags } from "../validation";
import { op, type HandlerTable, type RequestContext } from "./context";

const FAMILY_COLLECTIONS: Readonly<Record<string, keyof MirroredConfig>> = {
  queue: "queues",
  hoursOfOperation: "hours",
  routingProfile: "routingProfiles",
  contactFlow: "flows",
  contactFlowModule: "flowModules",
  prompt: "prompts",
  quickConnect: "quickConnects",
  securityProfile: "securityProfiles",
  hierarchyGroup: "hierarchyGroups",
  agentStatus: "agentStatuses",
  user: "users",
};

/** The tag map of the resource an ARN names, or ResourceNotFoundException. */
function tagsOf(ctx: RequestContext, arnText: string): { tags: Record<string, string>; set(tags: Record<string, string>): void } {
  const arn = parseConnectArn(arnText);
  if (!arn || arn.account !== ctx.account) throw notFound("Resource", arnText);
  if (arn.topType === "traffic-distribution-group") {
    const group = resolveTrafficDistributionGroup(ctx.store, ctx.regionState, arnText);
    return { tags: group.tags, set: (t) => (group.tags = t) };
  }
  if (arn.region !== ctx.region) throw notFound("Resource", arnText);
  if (arn.topType === "phone-number") {
    const n = ctx.regionState.phoneNumbers.get(arn.topId);
    if (!n) throw notFound("Phone number", arnText);
    return { tags: n.tags, set: (t) => (n.tags = t) };
  }
  if (arn.topType !== "instance") throw notFound("Resource", arnText);
  const instance = ctx.regionState.instances.get(arn.topId);
  if (!instance) throw notFound("Instance", arnText);
  if (!arn.resourceType) return { tags: instance.tags, set: (t) => (instance.tags = t) };
  if (arn.resourceType === "integration-association") {
    // Region-local, so kept on the instance rather than in its mirrored config.
    const integration = instance.integrations.find((i) => i.id === arn.resourceId);
    if (!integration) throw notFound("Integration association", arnText);
    return { tags: integration.tags ?? {}, set: (t) => (integration.tags = t) };
  }
  const family = familyOfArnType(arn.resourceType);
  const collectionKey = family ? FAMILY_COLLECTIONS[family] : undefined;
  if (!collectionKey) throw notFound("Resource", arnText);
  const record = (instance.config[collectionKey] as Map<string, { tags: Record<string, string> }>).get(arn.resourceId!);
  if (!record) throw notFound("Resource", arnText);
  return { tags: record.tags, set: (t) => (record.tags = t) };
}

/** Operation handlers of this family. */
export const tagHandlers: HandlerTable = {
  TagResource: op<TagResourceRequest, Record<string, never>>((ctx, input) => {
    const target = tagsOf(ctx, input.resourceArn!);
    // Each tag is the model's to check; the resource's total of at most 50 is not.
    target.set(validateTags({ ...target.tags, ...input.tags }));
    return {};
  }),

  UntagResource: op<UntagResourceRequest, Record<string, never>>((ctx, input) => {
    const target = tagsOf(ctx, input.resourceArn!);
    const keys = new Set(input.tagKeys);
    target.set(Object.fromEntries(Object.entries(target.tags).filter(([k]) => !keys.has(k))));
    return {};
  }),

  ListTagsForResource: op<ListTagsForResourceRequest, ListTagsForResourceResponse>((ctx, input) => ({ tags: { ...tagsOf(ctx, input.resourceArn!).tags } })),
};
