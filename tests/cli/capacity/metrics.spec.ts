import { expect } from "chai";
import {
  agentMetricsRequest,
  batches,
  cloudWatchMaxima,
  cloudWatchRequest,
  contactMetricsRequest,
  HistoryAccumulator,
  rejectsMetric,
  requestWindows,
} from "../../../cli/capacity/metrics";

const H = 3_600_000;
const t0 = Date.UTC(2026, 9, 1);
const arn = "arn:aws:connect:us-east-1:111122223333:instance/11111111-2222-3333-4444-555555555555";

describe("capacity metrics: GetMetricDataV2 and CloudWatch requests and results", () => {
  it("splits a window into aligned request windows no longer than the chunk", () => {
    expect(requestWindows(t0 + 10 * 60_000, t0 + 5 * 24 * H + 30 * 60_000, H, 48 * H)).to.deep.equal([
      { start: t0, end: t0 + 48 * H },
      { start: t0 + 48 * H, end: t0 + 96 * H },
      { start: t0 + 96 * H, end: t0 + 120 * H },
    ]);
    expect(requestWindows(t0, t0, H, 48 * H)).to.deep.equal([]);
  });

  it("batches resource filters by 100", () => {
    const ids = Array.from({ length: 201 }, (_, i) => `q${i}`);
    expect(batches(ids).map((b) => b.length)).to.deep.equal([100, 100, 1]);
  });

  it("asks for contacts by queue and channel, and agents' online time by routing profile", () => {
    const w = { start: t0, end: t0 + 48 * H };
    expect(contactMetricsRequest(arn, w, "HOUR", ["q1", "q2"], "UTC")).to.deep.equal({
      ResourceArn: arn,
      StartTime: new Date(t0),
      EndTime: new Date(t0 + 48 * H),
      Interval: { IntervalPeriod: "HOUR", TimeZone: "UTC" },
      Filters: [{ FilterKey: "QUEUE", FilterValues: ["q1", "q2"] }, { FilterKey: "CHANNEL", FilterValues: ["VOICE", "CHAT"] }],
      Groupings: ["CHANNEL"],
      Metrics: [{ Name: "CONTACTS_CREATED" }, { Name: "CONTACTS_QUEUED" }, { Name: "CONTACTS_HANDLED" }, { Name: "AVG_HANDLE_TIME" }, { Name: "AVG_QUEUE_ANSWER_TIME" }],
      MaxResults: 100,
    });
    expect(agentMetricsRequest(arn, w, "HOUR", ["rp1"])).to.deep.include({ Filters: [{ FilterKey: "ROUTING_PROFILE", FilterValues: ["rp1"] }], Metrics: [{ Name: "SUM_ONLINE_TIME_AGENT" }] });
  });

  it("adds queue batches, weights handle times by contacts handled and sums the time contacts waited in queue", () => {
    const acc = new HistoryAccumulator(H);
    const result = (channel: string, created: number, handled: number, aht: number, qa: number) => ({
      Dimensions: { CHANNEL: channel },
      MetricInterval: { Interval: "HOUR" as const, StartTime: new Date(t0), EndTime: new Date(t0 + H) },
      Collections: [
        { Metric: { Name: "CONTACTS_CREATED" }, Value: created },
        { Metric: { Name: "CONTACTS_QUEUED" }, Value: created },
        { Metric: { Name: "CONTACTS_HANDLED" }, Value: handled },
        { Metric: { Name: "AVG_HANDLE_TIME" }, Value: aht },
        { Metric: { Name: "AVG_QUEUE_ANSWER_TIME" }, Value: qa },
      ],
    });
    acc.addPage({ MetricResults: [result("VOICE", 100, 90, 300, 20), result("CHAT", 10, 10, 600, 0)] });
    acc.addPage({ MetricResults: [result("VOICE", 50, 30, 200, 60)] });
    acc.addPage({ MetricResults: [{ MetricInterval: { StartTime: new Date(t0) }, Collections: [{ Metric: { Name: "SUM_ONLINE_TIME_AGENT" }, Value: 36_000 }] }] });
    acc.addCloudWatch(t0, { calls: 44, chats: 7, queue: 12 });
    expect(acc.rows()).to.deep.equal([
      {
        t: t0,
        voiceCreated: 150,
        voiceHandled: 120,
        voiceAhtSeconds: (300 * 90 + 200 * 30) / 120,
        voiceQueueAnswerSeconds: (20 * 90 + 60 * 30) / 120,
        chatCreated: 10,
        chatHandled: 10,
        chatAhtSeconds: 600,
        // 100 voice contacts queued x 20 s + 50 x 60 s + 10 chats x 0 s.
        queueSeconds: 100 * 20 + 50 * 60,
        agentsOnline: 10,
        concurrentCallsMax: 44,
        concurrentChatsMax: 7,
        queueSizeMax: 12,
      },
    ]);
  });

  it("reads AWS/Connect ConcurrentCalls and ConcurrentActiveChats maxima and the queues' summed QueueSize maxima per interval", () => {
    const req = cloudWatchRequest("inst-1", t0, t0 + 2 * H, 3600);
    expect(req.MetricDataQueries).to.deep.equal([
      { Id: "calls", ReturnData: true, MetricStat: { Metric: { Namespace: "AWS/Connect", MetricName: "ConcurrentCalls", Dimensions: [{ Name: "InstanceId", Value: "inst-1" }, { Name: "MetricGroup", Value: "VoiceCalls" }] }, Period: 3600, Stat: "Maximum" } },
      { Id: "chats", ReturnData: true, MetricStat: { Metric: { Namespace: "AWS/Connect", MetricName: "ConcurrentActiveChats", Dimensions: [{ Name: "InstanceId", Value: "inst-1" }, { Name: "MetricGroup", Value: "Chats" }] }, Period: 3600, Stat: "Maximum" } },
      {
        Id: "queue",
        ReturnData: true,
        Period: 3600,
        Expression: `SUM(SEARCH('{AWS/Connect,InstanceId,MetricGroup,QueueName} MetricName="QueueSize" InstanceId="inst-1"', 'Maximum', 3600))`,
      },
    ]);
    const maxima = cloudWatchMaxima([
      { MetricDataResults: [{ Id: "calls", Timestamps: [new Date(t0), new Date(t0 + H)], Values: [12, 30] }] },
      { MetricDataResults: [{ Id: "chats", Timestamps: [new Date(t0)], Values: [4] }, { Id: "calls", Timestamps: [new Date(t0)], Values: [15] }, { Id: "queue", Timestamps: [new Date(t0 + H)], Values: [9] }] },
      { MetricDataResults: [{ Id: "other", Timestamps: [new Date(t0)], Values: [99] }] },
    ]);
    expect([...maxima.entries()]).to.deep.equal([[t0, { calls: 15, chats: 4 }], [t0 + H, { calls: 30, queue: 9 }]]);
  });

  it("recognises a service refusing a metric", () => {
    expect(rejectsMetric({ name: "InvalidParameterException", message: "Metric SUM_ONLINE_TIME_AGENT is not supported" }, "SUM_ONLINE_TIME_AGENT")).to.equal(true);
    expect(rejectsMetric({ name: "ThrottlingException", message: "SUM_ONLINE_TIME_AGENT" }, "SUM_ONLINE_TIME_AGENT")).to.equal(false);
    expect(rejectsMetric({ name: "InvalidParameterException", message: "EndTime must be after StartTime" }, "SUM_ONLINE_TIME_AGENT")).to.equal(false);
  });
});
