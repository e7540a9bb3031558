// What each island's page fetches on a first visit, from the release front end's files: the main
// module (wasm, its JS, the split loader), then the island's own module and the chunks the split
// manifest lists for it, each compressed with brotli at quality 11 as the server sends them.
//   node scripts/bench/island-sizes.mjs target/site-release/pkg
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const pkg = process.argv[2] ?? "target/site-release/pkg";
const brotli = (file) =>
  zlib.brotliCompressSync(fs.readFileSync(path.join(pkg, file)), {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
const files = fs.readdirSync(pkg);
const loader = files.filter((f) => f.startsWith("__wasm_split") && f.endsWith(".js"));
const main = ["work-in-france.wasm", "work-in-france.js", ...loader].reduce((n, f) => n + brotli(f), 0);
const manifest = JSON.parse(fs.readFileSync(path.join(pkg, "__wasm_split_manifest.json"), "utf8"));
console.log(`${"island".padEnd(28)} ${"own + chunks".padStart(12)} ${"page total".padStart(12)}  (bytes, brotli-11; main ${main})`);
for (const [name, modules] of Object.entries(manifest).sort()) {
  const own = modules.map((m) => `${m}.wasm`).filter((f) => files.includes(f)).reduce((n, f) => n + brotli(f), 0);
  const island = name.replace(/_loader_\d+$/, "");
  console.log(`${island.padEnd(28)} ${String(own).padStart(12)} ${String(main + own).padStart(12)}`);
}
