// Benchmark driver (./teleconsult bench media), run inside the test network namespace:
//   node bench.mjs      then one JSON line per run on stdin: {"a": grant, "b": grant}
// For each run, two fresh pages join with the grants; prints {"ms": <join start to first decoded frame in page b>}.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const files = {
  "/page.html": ["text/html", join(here, "page.html")],
  "/adapter.js": ["text/javascript", join(here, "node_modules/webrtc-adapter/out/adapter.js")],
  "/janus.es.js": ["text/javascript", join(here, "node_modules/janus-gateway/dist/janus.es.js")],
};
const server = createServer((req, res) => {
  const file = files[new URL(req.url, "http://x").pathname];
  if (!file) { res.writeHead(404).end(); return; }
  res.writeHead(200, { "Content-Type": file[0] }).end(readFileSync(file[1]));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", "--disable-quic"] });

async function once(run) {
  const context = await browser.newContext();
  const pages = [await context.newPage(), await context.newPage()];
  for (const page of pages) {
    await page.goto(origin + "/page.html");
    await page.waitForFunction(() => typeof window.join === "function");
  }
  const started = Date.now();
  await pages[0].evaluate((g) => window.join(g), run.a);
  await pages[1].evaluate((g) => window.join(g), run.b);
  await pages[1].waitForFunction(() => Object.values(window.state.remote).some((r) => r.width > 0) || window.state.error,
    null, { timeout: 30000, polling: 20 });
  const ms = Date.now() - started;
  const error = await pages[1].evaluate(() => window.state.error);
  for (const page of pages) await page.evaluate(() => window.leave());
  await context.close();
  return error ? { error } : { ms };
}

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  let result;
  try { result = await once(JSON.parse(line)); } catch (e) { result = { error: String(e) }; }
  console.log(JSON.stringify(result));
}
await browser.close();
server.close();
