/**
 * Users (read-only here: seeded agents). Mirrored by ACGR. The `Username` lives in the record's
 * `name`, so name uniqueness rules apply to usernames.
 */
import type { DescribeUserRequest, DescribeUserResponse, ListUsersRequest, ListUsersResponse } from "@aws-sdk/client-connect";
import { instanceResourceArn } from "../arns";
import { paginate } from "../pagination";
import { op, type HandlerTable } from "./context";
import { requireInstance, requireRecord } from "./lookup";

/** Operation handlers of this family. */
export const userHandlers: HandlerTable = {
  ListUsers: op<ListUsersRequest, ListUsersResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const page = paginate([...instance.config.users.values()], input, "ListUsers", instance.id);
    return {
      UserSummaryList: page.items.map((u) => ({
        Id: u.id, Arn: instanceResourceArn(ctx.region, ctx.account, instance.id, "user", u.id), Username: u.name, LastModifiedTime: u.lastModifiedTime, LastModifiedRegion: u.lastModifiedRegion,
      })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  DescribeUser: op<DescribeUserRequest, DescribeUserResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const u = requireRecord(instance.config.users, input.UserId!, "User");
    return {
      User: {
        Id: u.id,
        Arn: instanceResourceArn(ctx.region, ctx.account, instance.id, "user", u.id),
        Username: u.name,
        ...(u.identityInfo ? { IdentityInfo: { ...u.identityInfo } } : {}),
        PhoneConfig: { ...u.phoneConfig },
        SecurityProfileIds: [...u.securityProfileIds],
        RoutingProfileId: u.routingProfileId,
        ...(u.hierarchyGroupId !== undefined ? { HierarchyGroupId: u.hierarchyGroupId } : {}),
        Tags: { ...u.tags },
        LastModifiedTime: u.lastModifiedTime,
        LastModifiedRegion: u.lastModifiedRegion,
      },
    };
  }),
};
