/**
 * The user hierarchy: its structure (up to five named levels) and groups. Mirrored by ACGR.
 * A group's level is derived: a group without a parent is at LevelOne, a child one level below its
 * parent, and that level must exist in the structure. Group names are unique per instance. Removing
 * a level that still has groups, or deleting a group that still has child groups, users or a
 * security profile restricted to it, is
 * ResourceInUseException (both operations list it).
 */
import type {
  CreateUserHierarchyGroupRequest,
  CreateUserHierarchyGroupResponse,
  DeleteUserHierarchyGroupRequest,
  HierarchyLevelUpdate,
  UpdateUserHierarchyGroupNameRequest,
  UpdateUserHierarchyStructureRequest,
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
import { invalidInput, listedError } from "../errors";
import { paginate } from "../pagination";
import type { HierarchyGroupRecord, HierarchyLevelRecord, InstanceRecord } from "../state/model";
import { op, type HandlerTable, type RequestContext } from "./context";
import { assertUniqueName, requireInstance, requireRecord, touch } from "./lookup";

const LEVEL_KEYS = ["LevelOne", "LevelTwo", "LevelThree", "LevelFour", "LevelFive"] as const;

function groupSummary(ctx: RequestContext, instance: InstanceRecord, g: HierarchyGroupRecord): HierarchyGroupSummary {
  return { Id: g.id, Arn: instanceResourceArn(ctx.region, ctx.account, instance.id, "hierarchyGroup", g.id), Name: g.name, LastModifiedTime: g.lastModifiedTime, LastModifiedRegion: g.lastModifiedRegion };
}

function levelOf(instance: InstanceRecord, g: HierarchyGroupRecord): number {
  return instance.config.hierarchyLevels.get(g.levelId)?.level ?? 0;
}

function levelAt(instance: InstanceRecord, level: number): HierarchyLevelRecord | undefined {
  return [...instance.config.hierarchyLevels.values()].find((l) => l.level === level);
}

/** Operation handlers of this family. */
export const hierarchyHandlers: HandlerTable = {
  UpdateUserHierarchyStructure: op<UpdateUserHierarchyStructureRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const given = LEVEL_KEYS.map((key) => (input.HierarchyStructure as Record<string, HierarchyLevelUpdate | undefined>)[key]);
    // The structure is replaced whole: the levels given, LevelOne down, without gaps.
    const depth = given.findIndex((l) => l === undefined) < 0 ? LEVEL_KEYS.length : given.findIndex((l) => l === undefined);
    const gap = given.findIndex((l, i) => i > depth && l !== undefined);
    if (gap >= 0) throw invalidInput(ctx.operation, `HierarchyStructure.${LEVEL_KEYS[gap]} is given but ${LEVEL_KEYS[depth]} is not: levels are defined from LevelOne down, without gaps`);
    for (const level of instance.config.hierarchyLevels.values()) {
      if (level.level <= depth) continue;
      const used = [...instance.config.hierarchyGroups.values()].find((g) => g.levelId === level.id);
      if (used) throw listedError(ctx.operation, ["ResourceInUseException"], `Level ${LEVEL_KEYS[level.level - 1]} has hierarchy group ${used.id}; delete its groups before removing the level`);
    }
    for (const level of [...instance.config.hierarchyLevels.values()]) if (level.level > depth) instance.config.hierarchyLevels.delete(level.id);
    for (let i = 0; i < depth; i++) {
      const name = given[i]!.Name!;
      const existing = levelAt(instance, i + 1);
      if (existing) {
        if (existing.name !== name) {
          existing.name = name;
          touch(ctx, existing);
        }
      } else {
        const id = ctx.newId();
        instance.config.hierarchyLevels.set(id, { id, name, level: i + 1, tags: {}, lastModifiedTime: ctx.now(), lastModifiedRegion: ctx.region });
      }
    }
    return {};
  }),

  CreateUserHierarchyGroup: op<CreateUserHierarchyGroupRequest, CreateUserHierarchyGroupResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const name = input.Name!;
    assertUniqueName(instance.config.hierarchyGroups, name, "Hierarchy group");
    const parent = input.ParentGroupId !== undefined ? requireRecord(instance.config.hierarchyGroups, input.ParentGroupId, "Hierarchy group") : undefined;
    const levelNumber = parent ? levelOf(instance, parent) + 1 : 1;
    const level = levelAt(instance, levelNumber);
    if (!level) {
      throw invalidInput(ctx.operation, `The hierarchy structure has no ${LEVEL_KEYS[levelNumber - 1] ?? `level ${levelNumber}`}${parent ? ` below ${parent.name}` : ""}: define it with UpdateUserHierarchyStructure first`);
    }
    const record: HierarchyGroupRecord = {
      id: ctx.newId(),
      name,
      levelId: level.id,
      ...(parent ? { parentGroupId: parent.id } : {}),
      tags: { ...input.Tags },
      lastModifiedTime: ctx.now(),
      lastModifiedRegion: ctx.region,
    };
    instance.config.hierarchyGroups.set(record.id, record);
    return { HierarchyGroupId: record.id, HierarchyGroupArn: instanceResourceArn(ctx.region, ctx.account, instance.id, "hierarchyGroup", record.id) };
  }),

  UpdateUserHierarchyGroupName: op<UpdateUserHierarchyGroupNameRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const group = requireRecord(instance.config.hierarchyGroups, input.HierarchyGroupId!, "Hierarchy group");
    assertUniqueName(instance.config.hierarchyGroups, input.Name!, "Hierarchy group", group.id);
    group.name = input.Name!;
    touch(ctx, group);
    return {};
  }),

  DeleteUserHierarchyGroup: op<DeleteUserHierarchyGroupRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const group = requireRecord(instance.config.hierarchyGroups, input.HierarchyGroupId!, "Hierarchy group");
    const child = [...instance.config.hierarchyGroups.values()].find((g) => g.parentGroupId === group.id);
    if (child) throw listedError(ctx.operation, ["ResourceInUseException"], `Hierarchy group ${group.id} has child group ${child.id}`);
    const user = [...instance.config.users.values()].find((u) => u.hierarchyGroupId === group.id);
    if (user) throw listedError(ctx.operation, ["ResourceInUseException"], `Hierarchy group ${group.id} has user ${user.id}`);
    const profile = [...instance.config.securityProfiles.values()].find((p) => p.allowedAccessControlHierarchyGroupId === group.id);
    if (profile) throw listedError(ctx.operation, ["ResourceInUseException"], `Hierarchy group ${group.id} restricts security profile ${profile.id}`);
    instance.config.hierarchyGroups.delete(group.id);
    return {};
  }),

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
