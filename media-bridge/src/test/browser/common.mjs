// Shared by run.mjs (browser test) and bench.mjs (benchmark): the page server and Chromium as the tests use them.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const files = {
  "/page.html": ["text/html", join(here, "page.html")],
  "/adapter.js": ["text/javascript", join(here, "node_modules/webrtc-adapter/out/adapter.js")],
  "/janus.es.js": ["text/javascript", join(here, "node_modules/janus-gateway/dist/janus.es.js")],
};

// Serves the page on the namespace's own loopback and returns [origin, server]: a page from a "public" origin may not
// open WebSockets to private addresses (Chromium's local network access rules).
export async function servePage() {
  const server = createServer((req, res) => {
    const file = files[new URL(req.url, "http://x").pathname];
    if (!file) { res.writeHead(404).end(); return; }
    res.writeHead(200, { "Content-Type": file[0] }).end(readFileSync(file[1]));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return [`http://127.0.0.1:${server.address().port}`, server];
}

// Debian's Chromium, headless, with a fake camera and microphone; never a downloaded browser.
export function launchChromium() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic"] });
}

// Opens page.html in a new page of the context, ready for window.join(grant).
export async function openPage(context, origin) {
  const page = await context.newPage();
  await page.goto(origin + "/page.html");
  await page.waitForFunction(() => typeof window.join === "function");
  return page;
}
