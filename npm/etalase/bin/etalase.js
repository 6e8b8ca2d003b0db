#!/usr/bin/env node
// Runs the Etalase program built for this computer, which npm installed as one of the
// optional dependencies (@etalase/<platform>-<arch>), with the same arguments and exit status.
"use strict";

const { spawnSync } = require("node:child_process");

const platform = `${process.platform}-${process.arch}`;
const program = process.platform === "win32" ? "etalase.exe" : "etalase";
const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "";
const indonesian = /^(id|in_)/.test(locale);

function fail(id, en) {
  console.error(`etalase: ${indonesian ? id : en}`);
  process.exit(1);
}

let binary;
try {
  binary = require.resolve(`@etalase/${platform}/bin/${program}`);
} catch {
  fail(
    `program Etalase untuk ${platform} tidak terpasang. Jalankan npm install lagi tanpa --omit=optional, ` +
      "atau unduh program dari halaman rilis Etalase.",
    `the Etalase program for ${platform} is not installed. Run npm install again without --omit=optional, ` +
      "or download the program from Etalase's releases page.",
  );
}

const result = spawnSync(binary, process.argv.slice(2), { stdio: "inherit" });
if (result.error) {
  fail(`${binary} tidak bisa dijalankan: ${result.error.message}`, `cannot run ${binary}: ${result.error.message}`);
}
if (result.signal) {
  process.kill(process.pid, result.signal);
}
process.exit(result.status ?? 1);
