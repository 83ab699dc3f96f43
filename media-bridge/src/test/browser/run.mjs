// Test-only driver, run by BrowserJoinTest inside the test's network namespace:
//   node run.mjs <scenario.json>
// Two Chromium pages join one room with platform grants, each must decode the other's video; a page with a reused
// grant and one with a wrong token must be refused. Prints one JSON line with the results.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const scenario = JSON.parse(readFileSync(process.argv[2], "utf8"));
const files = {
  "/page.html": ["text/html", join(here, "page.html")],
  "/adapter.js": ["text/javascript", join(here, "node_modules/webrtc-adapter/out/adapter.js")],
  "/janus.es.js": ["text/javascript", join(here, "node_modules/janus-gateway/dist/janus.es.js")],
};
const flags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", "--disable-quic"];

// The page comes from a server on the namespace's own loopback: a page from a "public" origin may not open
// WebSockets to private addresses (Chromium's local network access rules).
const server = createServer((req, res) => {
  const file = files[new URL(req.url, "http://x").pathname];
  if (!file) { res.writeHead(404).end(); return; }
  res.writeHead(200, { "Content-Type": file[0] }).end(readFileSync(file[1]));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: flags, headless: true });
const result = {};
try {
  const context = await browser.newContext();
  const open = async () => {
    const page = await context.newPage();
    await page.goto(origin + "/page.html");
    await page.waitForFunction(() => typeof window.join === "function");
    return page;
  };
  const deadline = (ms) => Date.now() + ms;
  const started = Date.now();
  const [a, b] = [await open(), await open()];
  result.a = await a.evaluate((g) => window.join(g), scenario.a);
  result.b = await b.evaluate((g) => window.join(g), scenario.b);
  // each page must decode the other's video: width > 0 and playback time advancing
  for (const [name, page] of [["a", a], ["b", b]]) {
    const until = deadline(40000);
    let first = null;
    while (Date.now() < until) {
      const s = await page.evaluate(() => window.state);
      const feeds = Object.values(s.remote).filter((r) => r.width > 0);
      if (s.error) { result[name + "Error"] = s.error; break; }
      if (feeds.length && first === null) { first = feeds[0].time; result[name + "FirstFrameMs"] = Date.now() - started; }
      if (feeds.length && feeds[0].time > first + 0.5) { result[name + "Video"] = feeds[0]; break; }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  for (const name of ["reused", "wrong"]) {
    if (!scenario[name]) continue;
    const page = await open();
    result[name] = await page.evaluate((g) => window.join(g), scenario[name]);
    await page.evaluate(() => window.leave());
  }
  await a.evaluate(() => window.leave());
  await b.evaluate(() => window.leave());
} catch (e) {
  result.failure = String(e && e.stack ? e.stack : e);
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(result));
