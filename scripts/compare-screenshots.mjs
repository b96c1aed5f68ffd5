// Screenshots two served builds of the site page by page (desktop and mobile, light and dark)
// and compares them pixel for pixel: how a refactor shows it changed nothing a reader sees.
// Usage: node scripts/compare-screenshots.mjs BEFORE_URL AFTER_URL OUT_DIR (each URL serving a
// dist/ of the seeds, e.g. with target/debug/peerscope-serve DIST PORT); the screenshots that
// differ are written to OUT_DIR.
import puppeteer from "../tools/node_modules/puppeteer-core/lib/esm/puppeteer/puppeteer-core.js";
import { writeFileSync, mkdirSync } from "node:fs";

const [baseUrl, headUrl, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const pages = [
  ["home", "/"],
  ["profile", "/p/yixing-xu"],
  ["profile-filtered", "/p/yixing-xu?from=2021&cat=cs.CV&hops=2"],
  ["profile-q", "/p/yunhe-wang?q=quantization&sort=oldest"],
  ["work", "/w/squant-on-the-fly-data-free-quantization-via-diagonal"],
  ["network", "/graph"],
  ["sources", "/sources"],
  ["people", "/people"],
  ["not-found", "/p/yixing-xuu"],
];
const sizes = [
  ["desktop", 1280, 800],
  ["mobile", 390, 844],
];
const schemes = ["light", "dark"];

const browser = await puppeteer.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--font-render-hinting=none"],
});
async function shot(url, w, h, scheme) {
  const page = await browser.newPage();
  await page.setViewport({ width: w, height: h });
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
  await page.goto(url, { waitUntil: "networkidle0" });
  await new Promise((r) => setTimeout(r, 700));
  const png = await page.screenshot({ fullPage: true, encoding: "base64" });
  await page.close();
  return png;
}
const cmp = await browser.newPage();
let differing = 0;
for (const [name, path] of pages) {
  for (const [size, w, h] of sizes) {
    for (const scheme of schemes) {
      const a = await shot(baseUrl + path, w, h, scheme);
      const b = await shot(headUrl + path, w, h, scheme);
      const tag = `${name}-${size}-${scheme}`;
      const diff = await cmp.evaluate(async (a, b) => {
        const load = (src) =>
          new Promise((ok) => {
            const img = new Image();
            img.onload = () => ok(img);
            img.src = "data:image/png;base64," + src;
          });
        const [ia, ib] = await Promise.all([load(a), load(b)]);
        if (ia.width !== ib.width || ia.height !== ib.height)
          return { size: [ia.width, ia.height, ib.width, ib.height], pixels: -1 };
        const data = (img) => {
          const c = document.createElement("canvas");
          c.width = img.width;
          c.height = img.height;
          const g = c.getContext("2d");
          g.drawImage(img, 0, 0);
          return g.getImageData(0, 0, img.width, img.height).data;
        };
        const [da, db] = [data(ia), data(ib)];
        let pixels = 0;
        let first = null;
        for (let i = 0; i < da.length; i += 4) {
          if (da[i] !== db[i] || da[i + 1] !== db[i + 1] || da[i + 2] !== db[i + 2] || da[i + 3] !== db[i + 3]) {
            pixels++;
            if (!first) first = [(i / 4) % ia.width, Math.floor(i / 4 / ia.width)];
          }
        }
        return { size: [ia.width, ia.height], pixels, first };
      }, a, b);
      if (diff.pixels !== 0) {
        differing++;
        writeFileSync(`${out}/${tag}-base.png`, Buffer.from(a, "base64"));
        writeFileSync(`${out}/${tag}-head.png`, Buffer.from(b, "base64"));
      }
      console.log(`${tag.padEnd(36)} ${diff.size.join("×")}  ${diff.pixels === 0 ? "identical" : `DIFFERS: ${diff.pixels} pixels, first at ${diff.first}`}`);
    }
  }
}
console.log(`${pages.length * sizes.length * schemes.length} screenshots compared, ${differing} differ`);
await browser.close();
