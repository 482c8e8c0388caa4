import { expect } from "chai";
import { isAttributeName, isTableName } from "../../../components/storage/dynamodb-names";

describe("dynamodb-names", () => {
  const tables: Array<[unknown, boolean]> = [
    ["contacts", true],
    ["connect-dr.contacts_v2", true],
    ["abc", true],
    ["ab", false],
    ["a".repeat(255), true],
    ["a".repeat(256), false],
    ["contacts table", false],
    ["contacts/2026", false],
    [undefined, false],
  ];
  for (const [value, expected] of tables) {
    it(`isTableName(${JSON.stringify(value)?.slice(0, 20)}) is ${expected}`, () => expect(isTableName(value)).to.equal(expected));
  }

  const attributes: Array<[unknown, boolean]> = [
    ["expiresAt", true],
    ["x", true],
    ["ttl_epoch-s.v1", true],
    ["", false],
    ["a".repeat(255), true],
    ["a".repeat(256), false],
    ["expires at", false],
    ["#ttl", false],
    [42, false],
  ];
  for (const [value, expected] of attributes) {
    it(`isAttributeName(${JSON.stringify(value)?.slice(0, 20)}) is ${expected}`, () => expect(isAttributeName(value)).to.equal(expected));
  }
});
