/**
 * The user hierarchy: its structure (up to five named levels) and groups. Mirrored by ACGR.
 */
import type {
  DescribeUserHierarchyGroupRequest,
  DescribeUserHierarchyGroupResponse,
  DescribeUserHierarchyStructureRequest,
  DescribeUserHierarchyStructureResponse,
  HierarchyGroupSummary,
  HierarchyPath,
  HierarchyStructure,
  ListUserHierarchyGroupsRequest,
  ListUserHierarchyGroupsResponse,
} from "@aws-sdk/client-connect";
import { instanceResourceArn } from "../arns";
import { paginate } from "../pagination";
import type { HierarchyGroupRecord, InstanceRecord } from "../state/model";
import { op, type HandlerTable, type RequestContext } from "./context";
import { requireInstance, requireRecord } from "./lookup";

const LEVEL_KEYS = ["LevelOne", "LevelTwo", "LevelThree", "LevelFour", "LevelFive"] as const;

function groupSummary(ctx: RequestContext, instance: InstanceRecord, g: HierarchyGroupRecord): HierarchyGroupSummary {
  return { Id: g.id, Arn: instanceResourceArn(ctx.region, ctx.account, instance.id, "hierarchyGroup", g.id), Name: g.name, LastModifiedTime: g.lastModifiedTime, LastModifiedRegion: g.lastModifiedRegion };
}

/** Operation handlers of this family. */
export const hierarchyHandlers: HandlerTable = {
  ListUserHierarchyGroups: op<ListUserHierarchyGroupsRequest, ListUserHierarchyGroupsResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const page = paginate([...instance.config.hierarchyGroups.values()], input, "ListUserHierarchyGroups", instance.id);
    return { UserHierarchyGroupSummaryList: page.items.map((g) => groupSummary(ctx, instance, g)), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }),

  DescribeUserHierarchyGroup: op<DescribeUserHierarchyGroupRequest, DescribeUserHierarchyGroupResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const group = requireRecord(instance.config.hierarchyGroups, input.HierarchyGroupId!, "Hierarchy group");
    // The path lists the group and its ancestors by level, root first.
    const chain: HierarchyGroupRecord[] = [];
    for (let g: HierarchyGroupRecord | undefined = group; g; g = g.parentGroupId ? instance.config.hierarchyGroups.get(g.parentGroupId) : undefined) chain.unshift(g);
    const path: HierarchyPath = {};
    chain.forEach((g, i) => {
      if (i < LEVEL_KEYS.length) path[LEVEL_KEYS[i]!] = groupSummary(ctx, instance, g);
    });
    return {
      HierarchyGroup: {
        ...groupSummary(ctx, instance, group),
        LevelId: group.levelId,
        HierarchyPath: path,
        Tags: { ...group.tags },
      },
    };
  }),

  DescribeUserHierarchyStructure: op<DescribeUserHierarchyStructureRequest, DescribeUserHierarchyStructureResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const structure: HierarchyStructure = {};
    for (const level of [...instance.config.hierarchyLevels.values()].sort((a, b) => a.level - b.level)) {
      const key = LEVEL_KEYS[level.level - 1];
      if (key) {
        structure[key] = {
          Id: level.id, Arn: instanceResourceArn(ctx.region, ctx.account, instance.id, "hierarchyLevel", level.id), Name: level.name, LastModifiedTime: level.lastModifiedTime, LastModifiedRegion: level.lastModifiedRegion,
        };
      }
    }
    return { HierarchyStructure: structure };
  }),
};
