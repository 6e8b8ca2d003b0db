#!/usr/bin/env node
// Makes the npm packages of one Etalase version from its release binaries, as esbuild and
// Pagefind ship: `etalase` (a small launcher whose optional dependencies are every platform
// package; npm installs only the one whose os and cpu match) and one `@etalase/<platform>`
// package per binary given. Each is packed with `npm pack` into the output folder, whose
// tarball paths are printed one per line.
//
//   node npm/pack.mjs --version 0.1.0 --out DIR --binary linux-x64=path/to/etalase [--binary …]
//
// A platform is npm's `<process.platform>-<process.arch>`; PLATFORMS lists the Rust target
// each is built for (the release workflow builds those).
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PLATFORMS = {
  "linux-x64": { os: "linux", cpu: "x64", target: "x86_64-unknown-linux-musl" },
  "linux-arm64": { os: "linux", cpu: "arm64", target: "aarch64-unknown-linux-musl" },
  "darwin-x64": { os: "darwin", cpu: "x64", target: "x86_64-apple-darwin" },
  "darwin-arm64": { os: "darwin", cpu: "arm64", target: "aarch64-apple-darwin" },
  "win32-x64": { os: "win32", cpu: "x64", target: "x86_64-pc-windows-msvc" },
};

const here = path.dirname(fileURLToPath(import.meta.url));
const common = {
  license: "MIT",
  description: "Bilingual showcase sites for Indonesian correctional units",
  keywords: ["static-site-generator", "pemasyarakatan"],
};

function parse(argv) {
  const options = { binaries: {} };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) usage(`${flag} needs a value`);
    if (flag === "--version") options.version = value;
    else if (flag === "--out") options.out = path.resolve(value);
    else if (flag === "--binary") {
      const [platform, file] = value.split(/=(.*)/s);
      if (!PLATFORMS[platform]) usage(`unknown platform ${platform}; known: ${Object.keys(PLATFORMS).join(", ")}`);
      options.binaries[platform] = path.resolve(file);
    } else usage(`unknown option ${flag}`);
  }
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(options.version ?? "")) usage("--version must be a version, e.g. 0.1.0");
  if (!options.out) usage("--out is missing");
  return options;
}

function usage(problem) {
  console.error(`pack.mjs: ${problem}\nusage: node npm/pack.mjs --version X.Y.Z --out DIR --binary PLATFORM=FILE …`);
  process.exit(2);
}

function pack(dir, out) {
  const name = execFileSync("npm", ["pack", "--silent", "--pack-destination", out], {
    cwd: dir,
    encoding: "utf8",
    shell: process.platform === "win32",
  }).trim().split("\n").pop();
  return path.join(out, name);
}

function platformPackage(platform, binary, version, out) {
  const { os, cpu } = PLATFORMS[platform];
  const dir = path.join(out, "build", platform);
  const program = os === "win32" ? "etalase.exe" : "etalase";
  mkdirSync(path.join(dir, "bin"), { recursive: true });
  copyFileSync(binary, path.join(dir, "bin", program));
  chmodSync(path.join(dir, "bin", program), 0o755);
  const manifest = { name: `@etalase/${platform}`, version, ...common, os: [os], cpu: [cpu], files: ["bin/"] };
  manifest.description += ` (the program for ${platform})`;
  writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
  writeFileSync(path.join(dir, "README.md"), `The Etalase program for ${platform}; install \`etalase\`, which picks it.\n`);
  return pack(dir, out);
}

function mainPackage(version, out) {
  const dir = path.join(out, "build", "etalase");
  cpSync(path.join(here, "etalase"), dir, { recursive: true });
  const optionalDependencies = Object.fromEntries(Object.keys(PLATFORMS).map((p) => [`@etalase/${p}`, version]));
  const manifest = {
    name: "etalase",
    version,
    ...common,
    bin: { etalase: "bin/etalase.js" },
    files: ["bin/etalase.js"],
    engines: { node: ">=18" },
    optionalDependencies,
  };
  writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
  return pack(dir, out);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { version, out, binaries } = parse(process.argv.slice(2));
  mkdirSync(out, { recursive: true });
  const tarballs = [mainPackage(version, out)];
  for (const [platform, binary] of Object.entries(binaries)) tarballs.push(platformPackage(platform, binary, version, out));
  rmSync(path.join(out, "build"), { recursive: true, force: true });
  console.log(tarballs.join("\n"));
}
