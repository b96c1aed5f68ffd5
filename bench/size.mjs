// Prints the size of a built dist/ folder, raw, gzip -9 and brotli -q 11: every file at the top,
// the pre-rendered pages and share images grouped by kind (count, total and the largest), the
// grand total, the app's code (JS, wasm, CSS: the same for every corpus), and what a first visit
// to a page downloads before it is interactive (its HTML, the stylesheet, the JS glue and the wasm;
// the page's data is inside its HTML).
// Usage: node bench/size.mjs dist
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const root = process.argv[2] ?? "dist";
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(root, path));
  }
})(root);

const measure = (file) => {
  const bytes = readFileSync(join(root, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const sum = (rows) =>
  rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

// A file below the top folder belongs to a group named after its path with the id replaced by
// `*`: p/<id>/index.html → p/*/index.html, share/p/<id>.png → share/p/*.png.
const groupOf = (file) => {
  const parts = file.split(sep);
  if (parts.length < 2) return null;
  const last = parts[parts.length - 1];
  const ext = last.includes(".") ? last.slice(last.lastIndexOf(".")) : "";
  if (parts.length === 2) return last === "index.html" ? null : `${parts[0]}/*${ext}`;
  return parts.length === 3 && last === "index.html" ? `${parts[0]}/*/index.html` : `${parts.slice(0, -1).join("/")}/*${ext}`;
};

// Compressing a large site at brotli 11 takes many minutes: a group of more than SAMPLE files is
// measured raw in full, and compressed on an evenly spread sample, scaled to the group (marked
// "est.").
const SAMPLE = 200;
const rawOnly = (file) => ({ file, raw: statSync(join(root, file)).size, gzip: NaN, brotli: NaN });
const byGroup = new Map();
for (const f of files) {
  const g = groupOf(f);
  if (g !== null) (byGroup.get(g) ?? byGroup.set(g, []).get(g)).push(f);
}
const sampled = new Set();
for (const [, members] of byGroup) {
  const step = Math.max(1, Math.floor(members.length / SAMPLE));
  members.forEach((f, i) => { if (members.length <= SAMPLE || i % step === 0) sampled.add(f); });
}
const all = files.map((f) => (groupOf(f) === null || sampled.has(f) ? measure(f) : rawOnly(f)));
const rows = [];
const groups = new Map();
const largestOf = [];
for (const r of all) {
  const g = groupOf(r.file);
  if (g === null) rows.push({ ...r, label: r.file });
  else (groups.get(g) ?? groups.set(g, []).get(g)).push(r);
}
for (const [g, members] of groups) {
  const largest = members.reduce((a, b) => (b.raw > a.raw ? b : a));
  const measured = members.filter((m) => !Number.isNaN(m.brotli));
  const total = sum(members.map((m) => ({ ...m, gzip: 0, brotli: 0 })));
  const part = sum(measured);
  const scale = measured.length === members.length ? 1 : total.raw / Math.max(1, part.raw);
  const estimated = scale !== 1;
  rows.push({
    raw: total.raw,
    gzip: Math.round(part.gzip * scale),
    brotli: Math.round(part.brotli * scale),
    label: `${g} (${members.length} files${estimated ? ", compressed sizes est. from " + measured.length : ""})`,
  });
  largestOf.push(`  ${g}: ${largest.file}, ${largest.raw} bytes raw`);
}

const has = (f) => files.includes(f);
const pagesOf = (dir) => all.filter((r) => r.file.startsWith(dir + sep) && r.file.endsWith("index.html"));
const largest = (rows) => rows.reduce((a, b) => (b && (!a || b.raw > a.raw) ? b : a), null);
const firstVisit = [
  "index.html",
  has(join("p", "yixing-xu", "index.html")) ? join("p", "yixing-xu", "index.html") : null,
  largest(pagesOf("p"))?.file,
  has(join("w", "squant-on-the-fly-data-free-quantization-via-diagonal", "index.html"))
    ? join("w", "squant-on-the-fly-data-free-quantization-via-diagonal", "index.html")
    : largest(pagesOf("w"))?.file,
  "graph/index.html",
].filter((p, i, list) => p && list.indexOf(p) === i);
const width = Math.max(...rows.map((r) => r.label.length), ...firstVisit.map((p) => p.length + 2));
const num = (n) => String(n).padStart(10);
const line = (label, r) => console.log(`${label.padEnd(width)} ${num(r.raw)} ${num(r.gzip)} ${num(r.brotli)}`);
console.log(`${"file".padEnd(width)} ${num("raw")} ${num("gzip -9")} ${num("brotli 11")}`);
for (const r of rows) line(r.label, r);
line("total", sum(rows));
console.log("\nlargest file of each group:");
for (const l of largestOf) console.log(l);

// What a browser fetches on a first visit, before any image: the page, its stylesheet, the app.
const app = all.filter((r) => /^(peerscope-.*\.(js|wasm)|style-.*\.css)$/.test(r.file));
line("\napp code (JS + wasm + CSS)", sum(app));
console.log("\nfirst visit (page + CSS + JS glue + wasm):");
for (const page of firstVisit) {
  const found = all.find((x) => x.file === page);
  const r = found && Number.isNaN(found.brotli) ? measure(page) : found;
  if (r) line(`  ${page}`, sum([r, ...app]));
}
