/**
 * The checks themselves, on values whose verdict the model's text decides (shapes and constraints
 * quoted from connect-constraints.json): a request check that refuses what the model forbids and a
 * response check that refuses answers the SDK would misread.
 */
import { expect } from "chai";
import { validationErrorOf } from "../../../tools/simulator/model/connect-model";
import { describeProblems } from "../../../tools/simulator/model/shape-check";
import { checkRequest, checkResponse } from "../../../tools/simulator/model/verdicts";

const INSTANCE = "0b7c51e4-5f3c-4c4e-9a64-1b2c3d4e5f60";
const paths = (problems: { path: string; constraint: string }[]) => problems.map((p) => `${p.path}: ${p.constraint}`);

describe("model checks (pure)", () => {
  it("requests: required, lengths in code points, whole-value patterns, enums, ranges, list and map sizes, nested members", () => {
    expect(checkRequest("UpdateQueueName", { InstanceId: INSTANCE, QueueId: "q", Name: "Support", Description: "" })).to.deep.equal([
      { path: "Description", constraint: "Member must have length greater than or equal to 1", value: "" },
    ]);
    // CreateQueue's Name is CommonNameLength127: 127 code points (an emoji is one, not two UTF-16 units).
    expect(checkRequest("CreateQueue", { InstanceId: INSTANCE, Name: "😀".repeat(127), HoursOfOperationId: "h" })).to.deep.equal([]);
    expect(paths(checkRequest("CreateContactFlowModule", { InstanceId: INSTANCE, Name: "   ", Content: "{}", Description: "" }))).to.deep.equal([
      "Name: Member must satisfy regular expression pattern: .*\\S.*",
      "Description: Member must satisfy regular expression pattern: .*\\S.*",
    ]);
    expect(paths(checkRequest("CreateRoutingProfile", {
      InstanceId: INSTANCE, Name: "Agents", Description: "d", DefaultOutboundQueueId: "q",
      MediaConcurrencies: [{ Channel: "FAX", Concurrency: 11 }],
      QueueConfigs: Array.from({ length: 11 }, () => ({ QueueReference: { QueueId: "q", Channel: "VOICE" }, Priority: 0, Delay: 0 })),
      Tags: { "aws:reserved": "x" },
    }))).to.deep.equal([
      "QueueConfigs: Member must have length less than or equal to 10",
      ...Array.from({ length: 11 }, (_, i) => `QueueConfigs[${i}].Priority: Member must have value greater than or equal to 1`),
      "MediaConcurrencies[0].Channel: Member must satisfy enum value set: [VOICE, CHAT, TASK, EMAIL]",
      "MediaConcurrencies[0].Concurrency: Member must have value less than or equal to 10",
      `Tags key "aws:reserved": Member must satisfy regular expression pattern: ^(?!aws:)[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$`,
    ]);
    expect(paths(checkRequest("TagResource", { resourceArn: "arn:aws:connect:x", tags: {} }))).to.deep.equal(["tags: Member must have length greater than or equal to 1"]);
    expect(paths(checkRequest("CreateInstance", { IdentityManagementType: "SAML", InboundCallsEnabled: true }))).to.deep.equal(["OutboundCallsEnabled: Member must not be null"]);
  });

  it("words problems like the service's validation errors", () => {
    expect(describeProblems(checkRequest("ListQueues", { InstanceId: INSTANCE, MaxResults: 0 }))).to.equal(
      "1 validation error detected: Value 0 at 'MaxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  it("answers with InvalidParameterException where the operation lists it, else InvalidRequestException", () => {
    expect(validationErrorOf("CreateQueue")).to.equal("InvalidParameterException");
    expect(validationErrorOf("CreateInstance")).to.equal("InvalidRequestException");
    expect(validationErrorOf("UpdateContactFlowModuleContent")).to.equal("InvalidRequestException");
    expect(validationErrorOf("ClaimPhoneNumber")).to.equal("InvalidParameterException");
  });

  it("responses: ARNs where the shape is an ARN, enums, required members, no members the model lacks, listed errors", () => {
    const flowArn = `arn:aws:connect:us-east-1:111111111111:instance/${INSTANCE}/contact-flow/f`;
    const good = { FlowAssociationSummaryList: [{ ResourceId: "arn:aws:connect:us-east-1:111111111111:phone-number/p", FlowId: flowArn, ResourceType: "VOICE_PHONE_NUMBER" }] };
    expect(checkResponse("ListFlowAssociations", { body: good })).to.deep.equal([]);
    const bareId = { FlowAssociationSummaryList: [{ ...good.FlowAssociationSummaryList[0], FlowId: "f" }] };
    expect(paths(checkResponse("ListFlowAssociations", { body: bareId }))).to.deep.equal(["FlowAssociationSummaryList[0].FlowId: Member must be an ARN (shape ARN)"]);
    expect(paths(checkResponse("DescribeQueue", { body: { Queue: { Status: "PAUSED", Colour: "red", Tags: {} } } }))).to.deep.equal([
      "Queue.Status: Member must satisfy enum value set: [ENABLED, DISABLED]",
      "Queue.Colour: Member is not in the model's Queue",
    ]);
    expect(paths(checkResponse("CreateInstance", { errorType: "InvalidParameterException" }))).to.deep.equal([
      "(error): CreateInstance lists only InternalServiceException, InvalidRequestException, ResourceNotFoundException, ServiceQuotaExceededException, ThrottlingException",
    ]);
    expect(checkResponse("CreateInstance", { errorType: "InvalidRequestException" })).to.deep.equal([]);
  });
});
