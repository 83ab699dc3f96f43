// Test-only driver, run by BrowserJoinTest inside the test's network namespace:
//   node run.mjs <scenario.json>
// Two Chromium pages join one room with platform grants, each must decode the other's video; a page with a reused
// grant and one with a wrong token must be refused. Prints one JSON line with the results.
import { readFileSync } from "node:fs";
import { launchChromium, openPage, servePage } from "./common.mjs";

const scenario = JSON.parse(readFileSync(process.argv[2], "utf8"));
const [origin, server] = await servePage();
const browser = await launchChromium();
const result = {};
try {
  const context = await browser.newContext();
  const open = () => openPage(context, origin);
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
