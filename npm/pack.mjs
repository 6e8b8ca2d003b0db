#!/usr/bin/env node
// Makes the npm packages of one Etalase version from its release binaries, as esbuild and
// Pagefind ship: `etalase` (a small launcher whose optional dependencies are every platform
// package; npm installs only the one whose os and cpu match) and one `@etalase/<platform>`
// package per binary given. Each is packed with `npm pack` into the output folder, whose
// tarball paths are printed one per line, the `etalase` package first.
//
//   node npm/pack.mjs --version 0.1.0 --out DIR --binary linux-x64=path/to/etalase [--binary …]
//   node npm/pack.mjs --version 0.1.0 --out DIR --archives DIR
//
// A platform is npm's `<process.platform>-<process.arch>`; PLATFORMS lists the Rust target
// each is built for. `--archives` takes the binaries from the release archives in a folder
// (`etalase-<target>.tar.xz`, `.tar.gz` or `.zip`, as `dist` makes them), and needs every
// platform's.
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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
    } else if (flag === "--archives") options.archives = path.resolve(value);
    else usage(`unknown option ${flag}`);
  }
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(options.version ?? "")) usage("--version must be a version, e.g. 0.1.0");
  if (!options.out) usage("--out is missing");
  if (!options.archives && Object.keys(options.binaries).length === 0) usage("give --binary or --archives");
  return options;
}

function usage(problem) {
  console.error(
    `pack.mjs: ${problem}\nusage: node npm/pack.mjs --version X.Y.Z --out DIR (--binary PLATFORM=FILE … | --archives DIR)`,
  );
  process.exit(2);
}

/** The binary of every platform, unpacked from its release archive in `dir` into `out`. */
function fromArchives(dir, out) {
  const binaries = {};
  for (const [platform, { os, target }] of Object.entries(PLATFORMS)) {
    const archive = [".tar.xz", ".tar.gz", ".zip"]
      .map((ext) => path.join(dir, `etalase-${target}${ext}`))
      .find((file) => existsSync(file));
    if (!archive) usage(`no release archive for ${target} (${platform}) in ${dir}`);
    const into = path.join(out, "unpacked", platform);
    mkdirSync(into, { recursive: true });
    const [tool, args] = archive.endsWith(".zip") ? ["unzip", ["-q", archive, "-d", into]] : ["tar", ["-xf", archive, "-C", into]];
    execFileSync(tool, args, { stdio: "inherit" });
    const program = os === "win32" ? "etalase.exe" : "etalase";
    const found = find(into, program);
    if (!found) usage(`${archive} holds no ${program}`);
    binaries[platform] = found;
  }
  return binaries;
}

function find(dir, name) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isFile() && entry.name === name) return full;
    if (entry.isDirectory()) {
      const found = find(full, name);
      if (found) return found;
    }
  }
  return undefined;
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
  const { version, out, archives, binaries: given } = parse(process.argv.slice(2));
  mkdirSync(out, { recursive: true });
  const binaries = archives ? fromArchives(archives, path.join(out, "build")) : given;
  const tarballs = [mainPackage(version, out)];
  for (const [platform, binary] of Object.entries(binaries)) tarballs.push(platformPackage(platform, binary, version, out));
  rmSync(path.join(out, "build"), { recursive: true, force: true });
  console.log(tarballs.join("\n"));
}
