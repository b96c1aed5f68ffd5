// Prints the size of every file of a built dist/ folder: raw, gzip -9 and brotli -q 11,
// and the totals. Usage: node bench/size.mjs dist
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const root = process.argv[2] ?? "dist";
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
})(root);

// Route copies of index.html are the same bytes as index.html; count them once, say how many.
const index = readFileSync(join(root, "index.html"));
const copies = files.filter((f) => f !== join(root, "index.html") && readFileSync(f).equals(index));
const rows = files.filter((f) => !copies.includes(f)).map((f) => {
  const bytes = readFileSync(f);
  return {
    file: relative(root, f),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const width = Math.max(...rows.map((r) => r.file.length), 5);
const num = (n) => String(n).padStart(10);
console.log(`${"file".padEnd(width)} ${num("raw")} ${num("gzip -9")} ${num("brotli 11")}`);
for (const r of rows) console.log(`${r.file.padEnd(width)} ${num(r.raw)} ${num(r.gzip)} ${num(r.brotli)}`);
console.log(`${"total".padEnd(width)} ${num(total.raw)} ${num(total.gzip)} ${num(total.brotli)}`);
console.log(`(${copies.length} route pages and 404.html are copies of index.html and not counted again)`);
