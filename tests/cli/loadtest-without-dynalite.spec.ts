import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

describe("connect-dr loadtest without its optional local-mode package", function () {
  this.timeout(60_000);

  it("names the missing package and the flag that does without it, and exits 1 (it used to hang)", () => {
    // The real bin, in a child process: a hang would be a timeout here, not a pass.
    const result = spawnSync(process.execPath, ["--require", path.join(__dirname, "fixtures/without-dynalite.js"), path.join(ROOT, "cli/bin/connect-dr.js"), "loadtest", "--no-progress"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 50_000,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    });
    expect(result.signal, "exited by itself").to.equal(null);
    expect({ status: result.status, stdout: result.stdout }).to.deep.equal({ status: 1, stdout: "" });
    expect(result.stderr).to.equal(
      "error: the load test's local mode runs DynamoDB on the package 'dynalite', which is not installed: install it (npm install dynalite) or pass --dynamodb-endpoint <url> of a DynamoDB-compatible server\n",
    );
  });
});
