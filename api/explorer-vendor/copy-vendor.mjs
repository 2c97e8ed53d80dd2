// Copy the explorer's browser libraries from node_modules into api/static/vendor/.
//
// Run after `npm ci` in this folder (the Makefile's explorer-vendor target does
// both). Every package must carry a licence compatible with the project's MIT
// licence; the script stops with an error naming the package otherwise, so a
// dependency update cannot slip in an incompatible licence unnoticed.
//
// Usage: node copy-vendor.mjs [destination]   (default: ../static/vendor)

import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const destination = resolve(process.argv[2] ?? join(here, "..", "static", "vendor"));
const modules = join(here, "node_modules");

// Licences that allow redistribution inside an MIT project without further conditions
// beyond keeping the notice, which is copied alongside each file.
const COMPATIBLE = new Set(["MIT", "ISC", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "0BSD"]);

// Load order matters for the browser: each UMD file reads the global the one before sets.
const FILES = [
  { pkg: "layout-base", file: "layout-base.js" },
  { pkg: "cose-base", file: "cose-base.js" },
  { pkg: "cytoscape-fcose", file: "cytoscape-fcose.js" },
  { pkg: "cytoscape", file: "dist/cytoscape.min.js" },
];

function fail(message) {
  console.error(`copy-vendor: ${message}`);
  process.exit(1);
}

const manifest = { generated_by: "api/explorer-vendor/copy-vendor.mjs", files: [] };
rmSync(destination, { recursive: true, force: true });
mkdirSync(destination, { recursive: true });

for (const { pkg, file } of FILES) {
  const root = join(modules, pkg);
  const source = join(root, file);
  if (!existsSync(source)) {
    fail(`${source} is missing; run "npm ci" in ${here} first`);
  }
  const meta = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  if (!COMPATIBLE.has(meta.license)) {
    fail(`${pkg}@${meta.version} has licence ${JSON.stringify(meta.license)}, not MIT-compatible`);
  }
  const target = file.split("/").pop();
  copyFileSync(source, join(destination, target));
  const licence = join(root, "LICENSE");
  if (!existsSync(licence)) {
    fail(`${pkg} ships no LICENSE file to copy alongside ${target}`);
  }
  copyFileSync(licence, join(destination, `${pkg}.LICENSE.txt`));
  manifest.files.push({ file: target, package: pkg, version: meta.version, license: meta.license });
}

writeFileSync(join(destination, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(`copy-vendor: ${manifest.files.length} files -> ${destination}`);
