// Times peerscope's layout (wasm) and d3-force on the same graphs, in one Node process, and
// scores both layouts with the same Rust functions. Run through run.sh, which builds ./pkg.
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide } from "d3-force";

const require = createRequire(import.meta.url);
const wasm = require("./pkg/layout.js");

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const runs = Number(option("runs", 5));
const iterations = Number(option("iterations", 300));
const sizes = option("sizes", "100,1000,5000").split(",").map(Number);
const seed = Number(option("seed", 1));
const theta = 0.9;
const linkDistance = 30;
const perFrame = 5;
const optLevel = process.env.PEERSCOPE_LAYOUT_OPT_LEVEL ?? "?";
const charge = -30;

/** Radii as the viewer draws them: area grows with the number of collaborators. */
function radiiByDegree(n, edges) {
  const degree = new Uint32Array(n);
  for (const v of edges) degree[v] += 1;
  return Float32Array.from(degree, (d) => 3 + Math.sqrt(d));
}

function peerscope(n, edges, radii) {
  return new wasm.Simulation(n, edges, radii, iterations, seed, theta).run();
}

/** d3-force with the same forces and parameters, run synchronously for the same ticks. */
function d3(n, edges, radii) {
  const nodes = Array.from({ length: n }, () => ({}));
  const links = [];
  for (let k = 0; k < edges.length; k += 2) links.push({ source: edges[k], target: edges[k + 1] });
  const simulation = forceSimulation(nodes)
    .force("link", forceLink(links).distance(linkDistance))
    .force("charge", forceManyBody().strength(charge).theta(theta))
    .force("center", forceCenter(0, 0))
    .force("collide", forceCollide((_, i) => radii[i]))
    .stop();
  simulation.tick(iterations);
  const out = new Float32Array(2 * n);
  nodes.forEach((d, i) => { out[2 * i] = d.x; out[2 * i + 1] = d.y; });
  return out;
}

/** The longest single call when the layout is spread over frames of `perFrame` ticks, and
 * the positions it ends with. */
function longestCall(n, edges, radii, perFrame) {
  let longest = 0;
  let t0 = performance.now();
  const simulation = new wasm.Simulation(n, edges, radii, iterations, seed, theta);
  longest = performance.now() - t0;
  for (let done = false; !done;) {
    t0 = performance.now();
    done = simulation.step(perFrame);
    longest = Math.max(longest, performance.now() - t0);
  }
  const positions = simulation.positions();
  simulation.free();
  return [longest, positions];
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time(f) {
  const t0 = performance.now();
  const result = f();
  return [performance.now() - t0, result];
}

const rows = [];
for (const n of sizes) {
  const edges = wasm.synthetic_edges(n, seed);
  const radii = radiiByDegree(n, edges);
  // One untimed run each, so that d3's code is compiled by the JIT before it is timed.
  peerscope(n, edges, radii);
  d3(n, edges, radii);
  const ours = [], theirs = [];
  let oursPos, theirsPos;
  for (let r = 0; r < runs; r++) {
    let t;
    [t, oursPos] = time(() => peerscope(n, edges, radii));
    ours.push(t);
    [t, theirsPos] = time(() => d3(n, edges, radii));
    theirs.push(t);
  }
  const framed = Array.from({ length: runs }, () => longestCall(n, edges, radii, perFrame));
  const longest = median(framed.map(([t]) => t));
  // Spreading the layout over frames must not change it: same bits as the one-call layout.
  if (framed.some(([, pos]) => pos.some((v, i) => !Object.is(v, oursPos[i])))) {
    console.error(`bench/layout: ${n} nodes: the layout run in steps differs from the one-call layout`);
    process.exitCode = 1;
  }
  const score = (pos) => ({
    stress: wasm.stress(n, edges, pos),
    cv: wasm.edge_length_cv(n, edges, pos),
    overlaps: wasm.overlap_count(pos, radii),
  });
  rows.push({ n, m: edges.length / 2, ours: median(ours), theirs: median(theirs), longest, q: score(oursPos), d: score(theirsPos) });
  process.stderr.write(`bench/layout: ${n} nodes done\n`);
}

console.log(`peerscope-layout (wasm, opt-level ${optLevel}) vs d3-force 3.0.0: ${iterations} ticks, θ = ${theta}, median of ${runs} runs, node ${process.version}`);
console.log("stress: normalised stress against hop distance (lower is better); CV: edge-length coefficient of variation;");
console.log(`overlaps: pairs of overlapping discs; longest call: the longest single call (new, or step(${perFrame})) when the layout is spread over frames (median over runs)`);
console.log("");
const head = ["nodes", "edges", "peerscope ms", "d3 ms", "d3/peerscope", "longest call ms", "stress peerscope", "stress d3", "CV peerscope", "CV d3", "overlaps peerscope", "overlaps d3"];
const table = rows.map((r) => [
  r.n, r.m, r.ours.toFixed(1), r.theirs.toFixed(1), `${(r.theirs / r.ours).toFixed(2)}×`, r.longest.toFixed(1),
  r.q.stress.toFixed(4), r.d.stress.toFixed(4), r.q.cv.toFixed(3), r.d.cv.toFixed(3), r.q.overlaps, r.d.overlaps,
].map(String));
console.log(`| ${head.join(" | ")} |`);
console.log(`|${head.map(() => " --- ").join("|")}|`);
for (const row of table) console.log(`| ${row.join(" | ")} |`);
