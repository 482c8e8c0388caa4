import { expect } from "chai";
import type { MockCloud } from "../../tools/synthesis/mock-cloud";
import { PRIMARY_STACK_OUTPUTS, synthesize } from "./synthesize";

const WORKLOAD = "111122223333";
const INSTANCE = PRIMARY_STACK_OUTPUTS.connectInstanceId;

describe("program: what the secondary stack's traffic distribution group carries, and the dark-Region detectors", () => {
  let cloud: MockCloud;
  let outputs: Record<string, unknown>;
  before(async () => ({ cloud, outputs } = await synthesize("secondary")));

  it("claims main-line INTO the group (the group's ARN as TargetArn) with the primary's flow, by the workload role", () => {
    const number = cloud.named("number-main-line");
    expect(number.type).to.equal("pulumi-nodejs:dynamic/acgr:PhoneNumber");
    expect(number.inputs).to.deep.include({
      targetArn: cloud.named("traffic").state.arn,
      instanceId: INSTANCE,
      homeRegion: "us-east-1",
      replicaRegion: "us-west-2",
      countryCode: "US",
      type: "DID",
      prefix: "+1206",
      description: "Main inbound line",
      contactFlowId: PRIMARY_STACK_OUTPUTS.connectFlowIds["Main inbound"],
      flowName: "Main inbound",
    });
    expect(number.inputs.connection.roleArn).to.equal(`arn:aws:iam::${WORKLOAD}:role/ConnectDrDeployer`);
  });

  it("moves support-line into the group and associates its flow in both Regions after the move", () => {
    expect(cloud.named("traffic").inputs.phoneNumberIds).to.deep.equal(["+18005550100"]);
    const flows = cloud.named("number-support-line-flows");
    expect(flows.type).to.equal("pulumi-nodejs:dynamic/acgr:PhoneNumberFlows");
    expect(flows.inputs).to.deep.include({
      trafficDistributionGroupArn: cloud.named("traffic").state.arn,
      phoneNumber: "+18005550100",
      contactFlowId: PRIMARY_STACK_OUTPUTS.connectFlowIds["Main inbound"],
      homeRegion: "us-east-1",
      replicaRegion: "us-west-2",
    });
  });

  it("exports the group's numbers", () => {
    expect(outputs.trafficDistributionPhoneNumbers).to.deep.equal({ "main-line": "number-main-line-computed-id", "support-line": "+18005550100" });
  });

  for (const [region, peer, peerSip] of [
    ["us-east-1", "us-west-2", ["sbc1-usw2.carrier-a.example.net", "sbc1-usw2.carrier-b.example.net"]],
    ["us-west-2", "us-east-1", ["sbc1-use1.carrier-a.example.net", "sbc1-use1.carrier-b.example.net"]],
  ] as const) {
    it(`probes ${peer} from ${region}: the peer's instance and SIP endpoints, on the workload provider of ${region}, triggering ${region}'s failover handler`, () => {
      const fn = cloud.named(`peer-probe-${region}-function`);
      expect([fn.account, fn.region]).to.deep.equal([WORKLOAD, region]);
      const env = fn.inputs.environment.variables;
      expect(env).to.include({ PEER_REGION: peer, INSTANCE_ID: INSTANCE, TIMEOUT_MS: "3000" });
      expect(JSON.parse(env.SIP_ENDPOINTS)).to.deep.equal([
        { name: "carrier-a", host: peerSip[0], port: 5061 },
        { name: "carrier-b", host: peerSip[1], port: 5061 },
      ]);
      expect(cloud.named(`peer-probe-${region}-alarm`).inputs).to.deep.include({ name: `connect-dr-${peer}-unreachable-from-${region}`, evaluationPeriods: 5, datapointsToAlarm: 3, treatMissingData: "breaching" });
      expect(cloud.named(`peer-probe-${region}-trigger-target`).inputs.arn).to.equal(cloud.named(`failover-${region}-function`).state.arn);
      expect(cloud.named(`peer-probe-${region}-logs`).inputs.kmsKeyId).to.equal(cloud.named(`failover-${region}-key`).state.arn);
      // The handler there knows the alarm means the PEER is dark.
      expect(JSON.parse(cloud.named(`failover-${region}-function`).inputs.environment.variables.LIVENESS_ALARMS)).to.deep.equal({ [`connect-dr-${peer}-unreachable-from-${region}`]: peer });
    });
  }

  it("exports the liveness alarm of each Region", () => {
    expect(outputs.peerProbeAlarmNames).to.deep.equal({ "us-east-1": "connect-dr-us-west-2-unreachable-from-us-east-1", "us-west-2": "connect-dr-us-east-1-unreachable-from-us-west-2" });
  });
});
