import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { readStackFileConfig } from "../../../program/config";
import { packConfigForStack } from "../../../tools/gate/run-gate";

const REPOSITORY = path.resolve(__dirname, "../../..");

describe("policies/config: the --policy-pack-config of each committed stack", () => {
  for (const stack of ["primary", "secondary"]) {
    it(`${stack}.json is what the gate uses for the stack (regenerate: npm start -- --write-pack-config policies/config)`, () => {
      const committed = JSON.parse(fs.readFileSync(path.join(REPOSITORY, "policies", "config", `${stack}.json`), "utf8"));
      expect(committed).to.deep.equal(packConfigForStack("connect-dr", readStackFileConfig(stack, REPOSITORY)));
      expect(committed["gdpr-data-residency"]).to.not.equal(undefined);
    });
  }
});
