/**
 * Prompts through the real SDK, with their audio in S3 (an s3rver): CreatePrompt reads the object,
 * UpdatePrompt replaces name, description or audio, DeletePrompt removes it, and GetPromptFile's
 * PromptPresignedUrl serves the stored bytes to a plain HTTP GET, as a backup fetches them. Error
 * names are the ones botocore's model lists for each operation.
 */
import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import {
  ConnectClient,
  CreatePromptCommand,
  DeletePromptCommand,
  DescribePromptCommand,
  GetPromptFileCommand,
  ListPromptsCommand,
  ListTagsForResourceCommand,
  UpdatePromptCommand,
} from "@aws-sdk/client-connect";
import type { Simulator } from "../../../tools/simulator";
import { CONNECT_MODEL } from "../../../tools/simulator/model/connect-model";
import { clientFor, rejectionOf, startTestSimulator } from "./support";
import { auditModelTraffic } from "../../support/model-audit";

/** s3rver ships no types: the part of its API these tests use. */
interface S3rverServer {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require("s3rver") as new (options: Record<string, unknown>) => S3rverServer;

function listed(operation: string, error: string): string {
  expect(CONNECT_MODEL.operations[operation]!.errors, `${operation} lists ${error}`).to.include(error);
  return error;
}

const BUCKET = "prompt-audio";

describe("simulator: prompts from S3 and their files", function () {
  this.timeout(20_000);
  auditModelTraffic({ requests: false });
  let sim: Simulator;
  let client: ConnectClient;
  let s3: S3rverServer;
  let s3Client: S3Client;
  let s3Endpoint: string;
  let tmp: string;
  let InstanceId: string;
  let now = Date.parse("2026-01-05T10:00:00Z");

  const put = (key: string, bytes: Buffer) => s3Client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: bytes }));
  const download = async (url: string) => {
    const response = await fetch(url);
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), "sim-prompts-"));
    s3 = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: join(tmp, "s3"), configureBuckets: [{ name: BUCKET, configs: [] }] });
    s3Endpoint = `http://127.0.0.1:${(await s3.run()).port}`;
    s3Client = new S3Client({ endpoint: s3Endpoint, forcePathStyle: true, region: "us-east-1", credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
    sim = await startTestSimulator({ promptS3: { endpoint: s3Endpoint }, clock: () => new Date(now) });
    client = clientFor(sim);
    InstanceId = sim.seed({ region: "us-east-1", instance: { alias: "prompts" } }).instanceId;
  });
  after(async () => {
    await sim?.close();
    await s3?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("creates a prompt from an s3:// URI, tags it, and serves the exact bytes at GetPromptFile's URL", async () => {
    const audio = Buffer.from("RIFF....WAVEfmt greeting-audio-bytes");
    await put("prompts/greeting.wav", audio);
    const out = await client.send(new CreatePromptCommand({ InstanceId, Name: "Greeting", Description: "Welcome", S3Uri: `s3://${BUCKET}/prompts/greeting.wav`, Tags: { lang: "en" } }));
    expect(out.PromptARN).to.equal(`arn:aws:connect:us-east-1:111111111111:instance/${InstanceId}/prompt/${out.PromptId}`);
    const p = (await client.send(new DescribePromptCommand({ InstanceId, PromptId: out.PromptId }))).Prompt!;
    expect(p).to.deep.include({ PromptId: out.PromptId, Name: "Greeting", Description: "Welcome", Tags: { lang: "en" } });
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn: out.PromptARN }))).tags).to.deep.equal({ lang: "en" });
    const file = await client.send(new GetPromptFileCommand({ InstanceId, PromptId: out.PromptId }));
    expect(file.LastModifiedRegion).to.equal("us-east-1");
    const got = await download(file.PromptPresignedUrl!);
    expect(got.status).to.equal(200);
    expect(got.bytes.equals(audio)).to.equal(true);
  });

  it("reads the https://<bucket>.s3.<region>.amazonaws.com form too, and leaves an absent description absent", async () => {
    const audio = Buffer.from("hold-music-bytes");
    await put("hold.wav", audio);
    const out = await client.send(new CreatePromptCommand({ InstanceId, Name: "Hold", S3Uri: `https://${BUCKET}.s3.us-east-1.amazonaws.com/hold.wav` }));
    const p = (await client.send(new DescribePromptCommand({ InstanceId, PromptId: out.PromptId }))).Prompt!;
    expect(p).to.not.have.property("Description");
    const got = await download((await client.send(new GetPromptFileCommand({ InstanceId, PromptId: out.PromptId }))).PromptPresignedUrl!);
    expect(got.bytes.equals(audio)).to.equal(true);
  });

  it("fails as AWS does when the object is missing, the endpoint is unset or the name is taken", async () => {
    const missing = await rejectionOf(client.send(new CreatePromptCommand({ InstanceId, Name: "Ghost", S3Uri: `s3://${BUCKET}/nope.wav` })));
    expect(missing.name).to.equal(listed("CreatePrompt", "InvalidParameterException"));
    expect(missing.message).to.include("does not exist");
    const duplicate = await rejectionOf(client.send(new CreatePromptCommand({ InstanceId, Name: "Greeting", S3Uri: `s3://${BUCKET}/prompts/greeting.wav` })));
    expect(duplicate.name).to.equal(listed("CreatePrompt", "DuplicateResourceException"));
    // The model's S3Uri pattern is judged before the handler.
    const notS3 = await rejectionOf(client.send(new CreatePromptCommand({ InstanceId, Name: "Web", S3Uri: "http://example.com/a.wav" })));
    expect(notS3.name).to.equal("InvalidParameterException");
    sim.setPromptS3(undefined);
    try {
      const unset = await rejectionOf(client.send(new CreatePromptCommand({ InstanceId, Name: "Nowhere", S3Uri: `s3://${BUCKET}/hold.wav` })));
      expect(unset.name).to.equal("InvalidParameterException");
    } finally {
      sim.setPromptS3({ endpoint: s3Endpoint });
    }
    const names = (await client.send(new ListPromptsCommand({ InstanceId }))).PromptSummaryList!.map((p) => p.Name);
    expect(names).to.not.include.members(["Ghost", "Nowhere"]);
  });

  it("updates name, description and audio (UpdatePrompt), and the file URL serves the new audio", async () => {
    const { PromptId } = await client.send(new CreatePromptCommand({ InstanceId, Name: "Closed", S3Uri: `s3://${BUCKET}/hold.wav` }));
    const v2 = Buffer.from("closed-v2-audio");
    await put("closed-v2.wav", v2);
    const out = await client.send(new UpdatePromptCommand({ InstanceId, PromptId, Name: "Closed (holiday)", Description: "Holiday hours", S3Uri: `s3://${BUCKET}/closed-v2.wav` }));
    expect(out.PromptId).to.equal(PromptId);
    const p = (await client.send(new DescribePromptCommand({ InstanceId, PromptId }))).Prompt!;
    expect(p).to.deep.include({ Name: "Closed (holiday)", Description: "Holiday hours" });
    const got = await download((await client.send(new GetPromptFileCommand({ InstanceId, PromptId }))).PromptPresignedUrl!);
    expect(got.bytes.equals(v2)).to.equal(true);
    const taken = await rejectionOf(client.send(new UpdatePromptCommand({ InstanceId, PromptId, Name: "Greeting" })));
    // UpdatePrompt's model lists no DuplicateResourceException; a taken name is its validation error.
    expect(CONNECT_MODEL.operations["UpdatePrompt"]!.errors).to.not.include("DuplicateResourceException");
    expect(taken.name).to.equal(listed("UpdatePrompt", "InvalidParameterException"));
    const badAudio = await rejectionOf(client.send(new UpdatePromptCommand({ InstanceId, PromptId, S3Uri: `s3://${BUCKET}/gone.wav` })));
    expect(badAudio.name).to.equal(listed("UpdatePrompt", "InvalidParameterException"));
    const noPrompt = await rejectionOf(client.send(new UpdatePromptCommand({ InstanceId, PromptId: "00000000-0000-4000-8000-000000000000", Name: "x" })));
    expect(noPrompt.name).to.equal(listed("UpdatePrompt", "ResourceNotFoundException"));
  });

  it("serves a WAV for stock prompts, 403 once the URL expires, 404 once the prompt is deleted", async () => {
    const stock = (await client.send(new ListPromptsCommand({ InstanceId }))).PromptSummaryList!.find((p) => p.Name === "Beep.wav")!;
    const stockFile = await download((await client.send(new GetPromptFileCommand({ InstanceId, PromptId: stock.Id }))).PromptPresignedUrl!);
    expect(stockFile.bytes.subarray(0, 4).toString("ascii")).to.equal("RIFF");
    expect(stockFile.bytes.subarray(8, 12).toString("ascii")).to.equal("WAVE");
    const { PromptId } = await client.send(new CreatePromptCommand({ InstanceId, Name: "Short lived", S3Uri: `s3://${BUCKET}/hold.wav` }));
    const url = (await client.send(new GetPromptFileCommand({ InstanceId, PromptId }))).PromptPresignedUrl!;
    now += 2 * 60 * 60 * 1000;
    expect((await download(url)).status).to.equal(403);
    const fresh = (await client.send(new GetPromptFileCommand({ InstanceId, PromptId }))).PromptPresignedUrl!;
    await client.send(new DeletePromptCommand({ InstanceId, PromptId }));
    expect((await download(fresh)).status).to.equal(404);
    const gone = await rejectionOf(client.send(new GetPromptFileCommand({ InstanceId, PromptId })));
    expect(gone.name).to.equal(listed("GetPromptFile", "ResourceNotFoundException"));
    const again = await rejectionOf(client.send(new DeletePromptCommand({ InstanceId, PromptId })));
    expect(again.name).to.equal(listed("DeletePrompt", "ResourceNotFoundException"));
  });
});
