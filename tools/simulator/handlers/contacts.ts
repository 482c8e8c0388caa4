/**
 * StartChatContact: starts a chat in a flow and records the contact (Region-local; contacts are
 * not mirrored). The flow must be a published CONTACT_FLOW of the instance.
 */
import { randomBytes } from "node:crypto";
import type { StartChatContactRequest, StartChatContactResponse } from "@aws-sdk/client-connect";
import { invalidParameter, listedError } from "../errors";
import { op, type HandlerTable } from "./context";
import { requireInstance, requireRecord } from "./lookup";

/** Operation handlers of this family. */
export const contactHandlers: HandlerTable = {
  StartChatContact: op<StartChatContactRequest, StartChatContactResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const flow = requireRecord(instance.config.flows, input.ContactFlowId!, "Contact flow");
    if (flow.type !== "CONTACT_FLOW") throw invalidParameter(`Chats start in a CONTACT_FLOW flow; ${flow.id} is ${flow.type}`);
    if (flow.status !== "PUBLISHED") throw listedError(ctx.operation, ["ContactFlowNotPublishedException", "InvalidRequestException"], `Flow ${flow.id} is not published`);
    const contact = {
      id: ctx.newId(),
      instanceId: instance.id,
      channel: "CHAT",
      contactFlowId: flow.id,
      participantId: ctx.newId(),
      participantToken: randomBytes(48).toString("base64url"),
      initiationTimestamp: ctx.now(),
      attributes: { ...(input.Attributes ?? {}) },
    };
    ctx.regionState.contacts.set(contact.id, contact);
    return { ContactId: contact.id, ParticipantId: contact.participantId, ParticipantToken: contact.participantToken };
  }),
};
