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

const root = join(__dirname, "..");
const compiled = join(root, "dist", "cli", "index.js");
let entry = compiled;
if (!existsSync(compiled)) {
  require("tsx/cjs");
  entry = join(root, "cli", "index.ts");
}
const { main } = require(entry);
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
