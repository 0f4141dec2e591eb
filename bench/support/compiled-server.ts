// Starts the compiled server (`node dist/server/main.js`, as deployed; built first if missing)
// in production mode for a benchmark, and waits until it answers. No TypeScript compiler sits in
// its memory, so its RSS is the production figure.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const MAIN = path.join(ROOT, "dist", "server", "main.js");

export async function startCompiledServer(port: number, environment: Record<string, string>): Promise<ChildProcess> {
  if (!existsSync(MAIN)) spawnSync("npm", ["run", "-s", "build:server"], { cwd: ROOT, stdio: "inherit" });
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load.
  const nodeArguments = (process.env["BENCH_SERVER_NODE_ARGS"] ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArguments, MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DEMO_DATA: "off",
      LOG_LEVEL: "warn",
      JOB_INTERVAL_SECONDS: "86400",
      // Production refuses to start without a mail server; the benchmarks send nothing, and what
      // would be sent waits in the outbox.
      SMTP_URL: "smtp://127.0.0.1:9",
      ...environment,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGTERM");
  throw new Error("the server did not start within 120 s");
}
