import { expect } from "chai";
import { isAccountId, isRegionName, parseArn, regionOfArn } from "../../../components/storage/aws-identifiers";

describe("aws-identifiers", () => {
  const accounts: Array<[unknown, boolean]> = [
    ["111122223333", true],
    ["000000000000", true],
    ["11112222333", false],
    ["1111222233334", false],
    ["11112222333a", false],
    [" 111122223333", false],
    [111122223333, false],
    [undefined, false],
  ];
  for (const [value, expected] of accounts) {
    it(`isAccountId(${JSON.stringify(value)}) is ${expected}`, () => expect(isAccountId(value)).to.equal(expected));
  }

  const regions: Array<[unknown, boolean]> = [
    ["us-east-1", true],
    ["eu-central-1", true],
    ["ap-northeast-3", true],
    ["us-gov-west-1", true],
    ["cn-north-1", true],
    ["US-EAST-1", false],
    ["us-east", false],
    ["useast1", false],
    ["", false],
    [null, false],
  ];
  for (const [value, expected] of regions) {
    it(`isRegionName(${JSON.stringify(value)}) is ${expected}`, () => expect(isRegionName(value)).to.equal(expected));
  }

  it("splits an ARN, keeping colons inside the resource", () => {
    expect(parseArn("arn:aws:logs:us-east-1:111122223333:log-group:/aws/connect:*")).to.deep.equal({
      partition: "aws",
      service: "logs",
      region: "us-east-1",
      account: "111122223333",
      resource: "log-group:/aws/connect:*",
    });
  });

  it("refuses what is not an ARN, naming it", () => {
    expect(() => parseArn("alias/recordings")).to.throw('not an ARN: "alias/recordings"');
  });

  const regionCases: Array<[string, string]> = [
    ["arn:aws:kms:us-west-2:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab", "us-west-2"],
    ["arn:aws-us-gov:kms:us-gov-west-1:444455556666:key/k", "us-gov-west-1"],
  ];
  for (const [arn, region] of regionCases) {
    it(`reads Region ${region} from ${arn}`, () => expect(regionOfArn(arn)).to.equal(region));
  }

  it("refuses an ARN without a Region", () => {
    expect(() => regionOfArn("arn:aws:s3:::recordings")).to.throw('ARN "arn:aws:s3:::recordings" names no Region');
  });
});
