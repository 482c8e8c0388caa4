/**
 * Integration associations (AppIntegrations event integrations, Voice ID, Pinpoint, Wisdom / Q,
 * Cases, applications...). Region-local (ACGR does not mirror them). EVENT integrations need
 * SourceApplicationUrl, SourceApplicationName and SourceType (the reference: "only required for the
 * EVENT integration type"); the same integration ARN associated twice with one type is
 * DuplicateResourceException. Tagged by their ARN (`.../integration-association/<id>`).
 */
import type {
  CreateIntegrationAssociationRequest,
  CreateIntegrationAssociationResponse,
  DeleteIntegrationAssociationRequest,
  ListIntegrationAssociationsRequest,
  ListIntegrationAssociationsResponse,
} from "@aws-sdk/client-connect";
import { instanceResourceArn } from "../arns";
import { invalidInput, notFound, ServiceError } from "../errors";
import { paginate } from "../pagination";
import type { IntegrationRecord } from "../state/model";
import { op, type HandlerTable } from "./context";
import { bareId, requireInstance } from "./lookup";

const EVENT_MEMBERS = ["SourceApplicationUrl", "SourceApplicationName", "SourceType"] as const;

/** Operation handlers of this family. */
export const integrationHandlers: HandlerTable = {
  CreateIntegrationAssociation: op<CreateIntegrationAssociationRequest, CreateIntegrationAssociationResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const integrationType = input.IntegrationType!;
    if (integrationType === "EVENT") {
      const missing = EVENT_MEMBERS.filter((m) => input[m] === undefined);
      if (missing.length > 0) throw invalidInput(ctx.operation, `${missing.join(", ")} required for the EVENT integration type`);
    }
    if (instance.integrations.some((i) => i.integrationType === integrationType && i.integrationArn === input.IntegrationArn)) {
      throw new ServiceError("DuplicateResourceException", `${input.IntegrationArn} is already associated as ${integrationType}`);
    }
    const record: IntegrationRecord = {
      id: ctx.newId(),
      integrationType,
      integrationArn: input.IntegrationArn!,
      ...(input.SourceApplicationUrl !== undefined ? { sourceApplicationUrl: input.SourceApplicationUrl } : {}),
      ...(input.SourceApplicationName !== undefined ? { sourceApplicationName: input.SourceApplicationName } : {}),
      ...(input.SourceType !== undefined ? { sourceType: input.SourceType } : {}),
      tags: { ...input.Tags },
    };
    instance.integrations.push(record);
    return { IntegrationAssociationId: record.id, IntegrationAssociationArn: instanceResourceArn(ctx.region, ctx.account, instance.id, "integrationAssociation", record.id) };
  }),

  DeleteIntegrationAssociation: op<DeleteIntegrationAssociationRequest, Record<string, never>>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const id = bareId(input.IntegrationAssociationId!);
    const index = instance.integrations.findIndex((i) => i.id === id);
    if (index < 0) throw notFound("Integration association", input.IntegrationAssociationId!);
    instance.integrations.splice(index, 1);
    return {};
  }),

  ListIntegrationAssociations: op<ListIntegrationAssociationsRequest, ListIntegrationAssociationsResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const matching = instance.integrations.filter(
      (i) => (input.IntegrationType === undefined || i.integrationType === input.IntegrationType) && (input.IntegrationArn === undefined || i.integrationArn === input.IntegrationArn),
    );
    const page = paginate(matching, input, "ListIntegrationAssociations", `${instance.id}|${input.IntegrationType ?? ""}|${input.IntegrationArn ?? ""}`);
    return {
      IntegrationAssociationSummaryList: page.items.map((i) => ({
        IntegrationAssociationId: i.id,
        IntegrationAssociationArn: instanceResourceArn(ctx.region, ctx.account, instance.id, "integrationAssociation", i.id),
        InstanceId: instance.id,
        IntegrationType: i.integrationType as never,
        IntegrationArn: i.integrationArn,
        ...(i.sourceApplicationUrl !== undefined ? { SourceApplicationUrl: i.sourceApplicationUrl } : {}),
        ...(i.sourceApplicationName !== undefined ? { SourceApplicationName: i.sourceApplicationName } : {}),
        ...(i.sourceType !== undefined ? { SourceType: i.sourceType as never } : {}),
      })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }),
};
