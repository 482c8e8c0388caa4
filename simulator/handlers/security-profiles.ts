/**
 * Security profiles (read-only here: the four stock profiles). Mirrored by ACGR.
 */
import type {
  DescribeSecurityProfileRequest,
  DescribeSecurityProfileResponse,
  ListSecurityProfilePermissionsRequest,
  ListSecurityProfilePermissionsResponse,
  ListSecurityProfilesRequest,
  ListSecurityProfilesResponse,
} from "@aws-sdk/client-connect";
import { instanceResourceArn } from "../arns";
import { paginate } from "../pagination";
import { op, type HandlerTable } from "./context";
import { requireInstance, requireRecord } from "./lookup";

/** Operation handlers of this family. */
export const securityProfileHandlers: HandlerTable = {
  ListSecurityProfiles: op<ListSecurityProfilesRequest, ListSecurityProfilesResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const page = paginate([...instance.config.securityProfiles.values()], input, "ListSecurityProfiles", instance.id);
    return {
      SecurityProfileSummaryList: page.items.map((p) => ({
        Id: p.id, Arn: instanceResourceArn(ctx.region, ctx.account, instance.id, "securityProfile", p.id), Name: p.name, LastModifiedTime: p.lastModifiedTime, LastModifiedRegion: p.lastModifiedRegion,
      })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),

  DescribeSecurityProfile: op<DescribeSecurityProfileRequest, DescribeSecurityProfileResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireRecord(instance.config.securityProfiles, input.SecurityProfileId!, "Security profile");
    return {
      SecurityProfile: {
        Id: p.id,
        OrganizationResourceId: instance.id,
        Arn: instanceResourceArn(ctx.region, ctx.account, instance.id, "securityProfile", p.id),
        SecurityProfileName: p.name,
        ...(p.description !== undefined ? { Description: p.description } : {}),
        Tags: { ...p.tags },
        LastModifiedTime: p.lastModifiedTime,
        LastModifiedRegion: p.lastModifiedRegion,
      },
    };
  }),

  ListSecurityProfilePermissions: op<ListSecurityProfilePermissionsRequest, ListSecurityProfilePermissionsResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const p = requireRecord(instance.config.securityProfiles, input.SecurityProfileId!, "Security profile");
    const page = paginate(p.permissions, input, "ListSecurityProfilePermissions", `${instance.id}|${p.id}`);
    return { Permissions: page.items, LastModifiedTime: p.lastModifiedTime, LastModifiedRegion: p.lastModifiedRegion, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }),
};
