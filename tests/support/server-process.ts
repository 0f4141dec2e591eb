// Starts the real server (server/main.ts through tsx, or the compiled dist/server/main.js) as a
// child process, the way an operator runs it, and waits until it listens.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { CSRF_HEADER } from "../../server/app.ts";
import type { Caller, GraphQLResponse } from "./app.ts";

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Every JSON log line the process wrote so far. */
  logLines: Record<string, unknown>[];
  caller(cookie: string | null): Caller;
  /** SIGTERM, then waits for the exit (graceful shutdown). */
  stop(): Promise<number | null>;
}

const ROOT = path.resolve(import.meta.dirname, "../..");

export async function startServerProcess(environment: Record<string, string>, options: { timeoutMs?: number } = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "server", "main.ts")], {
    cwd: ROOT,
    env: { PATH: process.env["PATH"] ?? "", HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "info", DEMO_DATA: "off", ...environment },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logLines: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  child.stderr!.on("data", (chunk) => stderr.push(String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not listen in time\n${stderr.join("")}`)), options.timeoutMs ?? 150_000);
    void exited.then((code) => reject(new Error(`server exited with ${code} before listening\n${stderr.join("")}`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (!line.startsWith("{")) return;
      const entry = JSON.parse(line) as Record<string, unknown>;
      logLines.push(entry);
      if (entry["msg"] === "listening") {
        clearTimeout(timer);
        resolve(entry["port"] as number);
      }
    });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    child,
    logLines,
    caller: (cookie) => remoteCaller(url, cookie),
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

export function remoteCaller(url: string, cookie: string | null): Caller {
  return {
    cookie,
    fetch: (requestPath, init = {}) => {
      const headers = new Headers(init.headers);
      if (cookie && !headers.has("cookie")) headers.set("cookie", cookie);
      return fetch(`${url}${requestPath}`, { ...init, headers });
    },
    async graphql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", [CSRF_HEADER]: "1", ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLResponse<any>;
      return { ...body, status: response.status };
    },
  };
}

/** Sums the samples of a Prometheus metric whose labels include the given ones. */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`))) total += Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return total;
}
