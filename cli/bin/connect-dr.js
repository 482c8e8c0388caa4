#!/usr/bin/env node
"use strict";
// Runs the compiled CLI when present (npm package), else the TypeScript source through tsx (repo).
const { existsSync } = require("node:fs");
const { join } = require("node:path");

// A closed pipe (`connect-dr ... | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err && err.code === "EPIPE") process.exit(process.exitCode || 0);
    throw err;
  });
}

const root = join(__dirname, "../..");
const compiled = join(root, "dist", "cli", "index.js");
let entry = compiled;
if (!existsSync(compiled)) {
  require("tsx/cjs");
  entry = join(root, "cli", "index.ts");
}
// Exits once the command is done and its output is flushed: a server or socket an error left open
// (a local stand-in, an SDK keep-alive connection) must not keep the process alive.
function exitAfterFlush(code) {
  process.exitCode = code;
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}

const { main } = require(entry);
main(process.argv.slice(2)).then(exitAfterFlush, (err) => {
  process.stderr.write(`error: ${err && err.message ? err.message : String(err)}\n`);
  exitAfterFlush(1);
});
