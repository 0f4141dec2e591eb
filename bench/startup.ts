// Start-to-ready of the compiled server on an existing embedded database: spawns
// `node dist/server/main.js` on a seeded PGlite folder and times until GET /readyz answers 200
// (Node start, module loading, opening PGlite, checking migrations, listening). Prints each
// run, the median and the load average; no pass/fail (the README states the ≤ 3 s target).
// Also the CPU time the server used until ready (Linux /proc), which a busy machine inflates
// far less than the wall time.
// Usage: npx tsx bench/startup.ts [runs]   (default 5; builds dist/server if it is missing)
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const root = path.resolve(import.meta.dirname, "..");
const runs = Number(process.argv[2] ?? 5);
const PORT = Number(process.env["BENCH_PORT"] ?? 42050);
const main = path.join(root, "dist", "server", "main.js");

if (!existsSync(main)) spawnSync("npm", ["run", "-s", "build:server"], { cwd: root, stdio: "inherit" });
const dataDir = await mkdtemp(path.join(tmpdir(), "traedesten-startup-"));
// Production refuses to start without a mail server; a closed port is enough (nothing is sent).
const environment: Record<string, string | undefined> = { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: "warn", COOKIE_SECURE: "false", SMTP_URL: "smtp://127.0.0.1:9", SMS_PROVIDER: "off" };
delete environment["DATABASE_URL"];

try {
  console.log("Preparing an embedded database with the demo data …");
  const seed = spawnSync(process.execPath, [path.join(root, "dist", "server", "db-seed.js")], { cwd: root, env: environment, stdio: "ignore" });
  if (seed.status !== 0) throw new Error("seeding failed");

  const timings: number[] = [];
  const cpuTimings: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const started = performance.now();
    const child = spawn(process.execPath, [main], { cwd: root, env: environment, stdio: "ignore" });
    let readyAfter: number | undefined;
    while (readyAfter === undefined && performance.now() - started < 120_000) {
      const response = await fetch(`http://127.0.0.1:${PORT}/readyz`).catch(() => undefined);
      if (response?.status === 200) readyAfter = performance.now() - started;
      else await sleep(25);
    }
    const cpuSeconds = cpuSecondsOf(child.pid!);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    if (readyAfter === undefined) throw new Error(`run ${run}: not ready within 120 s`);
    timings.push(readyAfter);
    if (cpuSeconds !== undefined) cpuTimings.push(cpuSeconds);
    console.log(`  run ${run}: ready after ${(readyAfter / 1000).toFixed(2)} s (CPU ${cpuSeconds?.toFixed(2) ?? "?"} s)`);
  }
  const sorted = [...timings].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const cpuSorted = [...cpuTimings].sort((a, b) => a - b);
  if (cpuSorted.length > 0) console.log(`CPU time until ready: median ${cpuSorted[Math.floor(cpuSorted.length / 2)]!.toFixed(2)} s`);
  console.log(`Start to ready (existing embedded database): median ${(median / 1000).toFixed(2)} s, best ${(sorted[0]! / 1000).toFixed(2)} s over ${runs} runs`);
  console.log(`Load average while measuring: ${loadavg().map((load) => load.toFixed(1)).join(" / ")} (1 / 5 / 15 min) on ${availableParallelism()} cores`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

/** user + system CPU seconds of a running process (Linux; clock ticks are 100 per second there). */
function cpuSecondsOf(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
