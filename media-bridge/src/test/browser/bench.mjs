// Benchmark driver (./teleconsult bench media), run inside the test network namespace:
//   node bench.mjs      then one JSON line per run on stdin: {"a": grant, "b": grant}
// For each run, two fresh pages join with the grants; prints {"ms": <join start to first decoded frame in page b>}.
import { createInterface } from "node:readline";
import { launchChromium, openPage, servePage } from "./common.mjs";

const [origin, server] = await servePage();
const browser = await launchChromium();

async function once(run) {
  const context = await browser.newContext();
  const pages = [await openPage(context, origin), await openPage(context, origin)];
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
