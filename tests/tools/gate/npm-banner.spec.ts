import { expect } from "chai";
import { npmBannerNotice } from "../../../tools/gate/npm-banner";

describe("gate: npm's banner before a machine-readable report", () => {
  const notice = "connect-dr gate: npm printed its script banner on stdout before the json report, so stdout is not pure json; run `npm start --silent -- --format json` or pass --output FILE\n";
  const cases: { title: string; env: Record<string, string>; format: string; output?: string; expected: string | undefined }[] = [
    { title: "npm start -- --format json", env: { npm_lifecycle_event: "start" }, format: "json", expected: notice },
    { title: "npm start --loglevel=warn -- --format json", env: { npm_lifecycle_event: "start", npm_config_loglevel: "warn" }, format: "json", expected: notice },
    { title: "npm start --silent -- --format json", env: { npm_lifecycle_event: "start", npm_config_loglevel: "silent" }, format: "json", expected: undefined },
    { title: "npm start -- --format json --output f", env: { npm_lifecycle_event: "start" }, format: "json", output: "f", expected: undefined },
    { title: "npm start (human)", env: { npm_lifecycle_event: "start" }, format: "human", expected: undefined },
    { title: "npx tsx tools/gate/main.ts --format sarif", env: {}, format: "sarif", expected: undefined },
    {
      title: "npm run gate -- --format sarif",
      env: { npm_lifecycle_event: "gate" },
      format: "sarif",
      expected: "connect-dr gate: npm printed its script banner on stdout before the sarif report, so stdout is not pure sarif; run `npm run gate --silent -- --format sarif` or pass --output FILE\n",
    },
  ];
  for (const c of cases) it(c.title, () => expect(npmBannerNotice(c.env, c.format, c.output)).to.equal(c.expected));
});
