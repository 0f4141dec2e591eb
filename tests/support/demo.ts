// A test file's app with the demo municipality (Fjordby) loaded once, closed after its tests.
import { afterAll, beforeAll } from "vitest";
import { seedDemoData } from "../../prisma/seed.ts";
import { startTestApp, type TestApp } from "./app.ts";

/** Registers the file's hooks; call the returned function inside tests to reach the app. */
export function demoApp(): () => TestApp {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp();
    await seedDemoData(app.prisma, app.clock);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });
  return () => {
    if (!app) throw new Error("The demo app is not started yet (call inside a test).");
    return app;
  };
}
