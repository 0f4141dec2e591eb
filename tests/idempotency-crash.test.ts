// Idempotent creation across a crash, with real processes: twenty clients send createHandover at
// once, each with its own idempotency key, and the server process is killed with SIGKILL as soon
// as the first of them has committed — so some handovers are saved whose answers never left the
// process, and their clients see a socket error. A freshly started process then gets every
// request again with the same key: each answer is a success, a key answered before the crash
// gets the same handover back, a key that committed unanswered gets the handover it committed,
// and there is exactly one handover per key, none half-written.
// Uses TEST_DATABASE_URL's server (or the local PostgreSQL that .ci/run starts), like
// instances.test.ts: two processes cannot share the embedded database.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../server/clock.ts";
import { loadConfig } from "../server/config.ts";
import { openPostgres, type Database } from "../server/db/database.ts";
import { SESSION_COOKIE } from "../server/modules/accounts/session.ts";
import { createSession } from "../server/modules/accounts/session.ts";
import type { Caller } from "./support/app.ts";
import { withDatabase } from "./support/global-setup.ts";
import { startServerProcess, type ServerProcess } from "./support/server-process.ts";
import { buildHandoverWorld, type HandoverWorld } from "./support/world.ts";
import { createHandoverRaw } from "./support/handovers.ts";

const POSTGRES_URL = process.env["TEST_DATABASE_URL"] ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const HOOK_TIMEOUT_MS = 300_000;
const CLIENTS = 20;
const ROUNDS = 4;

const databaseName = `traedesten_crash_${randomBytes(4).toString("hex")}`;
const databaseUrl = withDatabase(POSTGRES_URL, databaseName);
const environment = {
  NODE_ENV: "production",
  SMTP_URL: "smtp://127.0.0.1:9", // production needs one; nothing is sent here
  COOKIE_SECURE: "false",
  DATABASE_URL: databaseUrl,
  JOB_INTERVAL_SECONDS: "3600",
};
let database: Database;
let world: HandoverWorld;
let server: ServerProcess | null = null;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${databaseName}"`);
  await admin.end();
  server = await startServerProcess(environment); // migrates the empty database
  database = openPostgres(databaseUrl);
  world = await buildHandoverWorld({
    prisma: database.prisma,
    as: async (userId: string) => {
      const { token } = await createSession(database.prisma, systemClock, loadConfig({ NODE_ENV: "test" }), userId);
      return { cookie: `${SESSION_COOKIE}=${token}` } as Caller;
    },
  } as never);
}, HOOK_TIMEOUT_MS);

afterAll(async () => {
  if (server && server.child.exitCode === null) await server.stop();
  await database?.close();
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await admin.end();
}, HOOK_TIMEOUT_MS);

const input = (key: string, purpose: string) => ({
  fromUnitId: world.centreUnitId,
  toUnitId: world.serviceUnitId,
  purpose,
  helpCategories: ["HOUSING"],
  send: true,
  idempotencyKey: key,
});

type Outcome = { key: string; id: string | null; failure: string | null };

async function committedKeys(keys: string[]): Promise<Map<string, string>> {
  const rows = await database.prisma.idempotencyKey.findMany({ where: { key: { in: keys }, operation: "createHandover" }, select: { key: true, resultId: true } });
  return new Map(rows.map((row) => [row.key, row.resultId]));
}

describe("a create retried after the server was killed mid-flight", () => {
  it("answers every retry with the first result and makes one handover per key", async () => {
    let lostAfterCommit = 0;
    let answeredBeforeCrash = 0;
    for (let round = 1; round <= ROUNDS && lostAfterCommit === 0; round++) {
      const victim = server!;
      const purpose = `Nedbrud runde ${round}`;
      const keys = Array.from({ length: CLIENTS }, () => randomUUID());
      const caller = victim.caller(world.staff.cookie);
      const inFlight: Promise<Outcome>[] = keys.map((key) =>
        createHandoverRaw(caller, input(key, purpose)).then(
          (response) => {
            const result = (response.data as { createHandover?: { __typename: string; data?: { id: string } } } | undefined)?.createHandover;
            return result?.__typename === "CreateHandoverSuccess" ? { key, id: result.data!.id, failure: null } : { key, id: null, failure: JSON.stringify(response) };
          },
          (error: Error) => ({ key, id: null, failure: error.message }),
        ),
      );
      // Kill -9 the moment the first create has committed, while the others are mid-flight.
      for (;;) {
        if ((await committedKeys(keys)).size > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      victim.child.kill("SIGKILL");
      const outcomes = await Promise.all(inFlight);
      await new Promise<void>((resolve) => (victim.child.exitCode !== null || victim.child.signalCode !== null ? resolve() : victim.child.once("exit", () => resolve())));
      expect(victim.child.signalCode).toBe("SIGKILL");

      const committed = await committedKeys(keys);
      const answered = outcomes.filter((outcome) => outcome.id !== null);
      // Whatever a client was told was saved, was saved, and under its key.
      for (const outcome of answered) expect(committed.get(outcome.key), outcome.key).toBe(outcome.id);
      lostAfterCommit += outcomes.filter((outcome) => outcome.id === null && committed.has(outcome.key)).length;
      answeredBeforeCrash += answered.length;
      // No half-written handover: each saved one has its creation and sending events.
      const saved = await database.prisma.handover.findMany({ where: { purpose }, select: { id: true, _count: { select: { events: true } } } });
      expect(saved.length).toBe(committed.size);
      for (const handover of saved) expect(handover._count.events).toBe(2);

      // A fresh process; every client sends its submission again with the same key.
      server = await startServerProcess(environment);
      const retryCaller = server.caller(world.staff.cookie);
      const retries = await Promise.all(keys.map((key) => createHandoverRaw(retryCaller, input(key, purpose))));
      retries.forEach((response, index) => {
        const key = keys[index]!;
        const result = (response.data as { createHandover: { __typename: string; data?: { id: string } } }).createHandover;
        expect(result.__typename, JSON.stringify(response)).toBe("CreateHandoverSuccess");
        const before = outcomes[index]!.id ?? committed.get(key);
        if (before) expect(result.data!.id, `key ${key}`).toBe(before);
      });
      expect(await database.prisma.handover.count({ where: { purpose } })).toBe(CLIENTS);
      expect((await committedKeys(keys)).size).toBe(CLIENTS);
    }
    // The case that matters happened: a handover saved whose answer the crash swallowed.
    expect(lostAfterCommit, `answered before the crash: ${answeredBeforeCrash}`).toBeGreaterThan(0);
  }, 900_000);
});
