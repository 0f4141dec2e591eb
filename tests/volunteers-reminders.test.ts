// A key-holder gap a few days ahead is told to the centre's volunteers through the notification
// outbox: once per shift, N days ahead as the centre chooses (default 3, 0 = never), never for a
// shift that has its key holder, never to staff, other centres or a shared mailbox, and in words
// that name no person, date or note. Time moves with the settable clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MailCatcher } from "../server/modules/notifications/mail-catcher.ts";
import { remindRotaGaps } from "../server/modules/volunteers/rota-reminders.ts";
import { startCatcher } from "./notifications.helpers.ts";
import { dataOf, HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, TEST_START, type TestApp } from "./support/app.ts";
import { buildVolunteersWorld, signInAgain, type VolunteersWorld } from "./support/world.ts";
import { CENTRE_ROTA, GENERATE_ROTA, SIGN_UP } from "./support/rota.ts";
import { graphql, run, runError, runOk } from "./support/graphql.ts";

let app: TestApp;
let catcher: MailCatcher;
let world: VolunteersWorld;

beforeAll(async () => {
  const mail = await startCatcher();
  catcher = mail.catcher;
  app = await startTestApp({ environment: mail.environment });
  world = await buildVolunteersWorld(app);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
  await catcher?.close();
}, HOOK_TIMEOUT_MS);

const SET_DAYS = graphql(`mutation ($input: SetRotaGapReminderDaysInput!) { setRotaGapReminderDays(input: $input) {
  __typename ... on SetRotaGapReminderDaysSuccess { centre { id rotaGapReminderDays } } ... on ValidationError { issues { field } } ... on Error { code } } }`);

async function shiftOn(date: string): Promise<{ id: string; startsAt: string }> {
  const shifts = dataOf(await run(world.as.staff, CENTRE_ROTA, { centreId: world.centreId, fromDate: date, toDate: date })).centreRota;
  const shift = shifts.find((candidate) => candidate.date === date && candidate.staffing === "VOLUNTEERS");
  expect(shift, date).toBeDefined();
  return shift!;
}

const reminded = async () =>
  (await app.prisma.notificationEvent.findMany({ where: { kind: "ROTA_GAP_REMINDER" }, orderBy: { createdAt: "asc" } })).map((event) => event.subjectId);

describe("reminding volunteers of a key-holder gap", () => {
  it("tells the centre's volunteers once, N days ahead, only of shifts still without a key holder", async () => {
    const generated = dataOf(await run(world.as.staff, GENERATE_ROTA, { input: { centreId: world.centreId, fromDate: "2026-11-25", toDate: "2026-12-13" } })).generateRota;
    expect(generated.__typename).toBe("GenerateRotaSuccess");
    // Wednesday 25 November 17–21 and Saturday 28 November 22–04 are gaps; Wednesday 2 December gets its key holder.
    const wednesday = await shiftOn("2026-11-25");
    const saturday = await shiftOn("2026-11-28");
    const filled = await shiftOn("2026-12-02");
    const signUp = dataOf(await run(world.as.keyHolder, SIGN_UP, { input: { shiftId: filled.id, role: "KEY_HOLDER" } })).signUpForShift;
    expect(signUp.__typename).toBe("SignUpForShiftSuccess");
    // The shared mailbox is the staff's: a rota reminder does not go there.
    await app.prisma.unitNotificationMailbox.create({ data: { unitId: world.unitId, email: "postkasse.lyset@fjordby.example" } });

    // Wednesday 25 November, 10:00 in Copenhagen: tonight's gap is within 3 days, Saturday's is 3½ days away.
    expect(app.clock.now().toISOString()).toBe(TEST_START);
    await app.runJobs();
    expect(await reminded()).toEqual([wednesday.id]);
    await app.runJobs(); // again, nothing new
    expect(await reminded()).toEqual([wednesday.id]);

    // Exactly the centre's volunteers: not its admin or staff, not another centre's volunteer, not the mailbox.
    const deliveries = await app.prisma.notificationDelivery.findMany({ where: { kind: "ROTA_GAP_REMINDER" } });
    expect(new Set(deliveries.map((delivery) => delivery.userId))).toEqual(new Set([world.ids.keyHolder, world.ids.volunteer, world.ids.volunteer2]));
    expect(deliveries.every((delivery) => delivery.status === "SENT" && delivery.channel === "EMAIL")).toBe(true);
    const inApp = await app.prisma.notification.findMany({ where: { kind: "ROTA_GAP_REMINDER" } });
    expect(new Set(inApp.map((row) => row.userId))).toEqual(new Set([world.ids.keyHolder, world.ids.volunteer, world.ids.volunteer2]));
    const list = await runOk(world.as.volunteer, graphql(`{ notifications { kind textDa path } unreadNotificationCount }`));
    expect(list.notifications).toContainEqual({ kind: "ROTA_GAP_REMINDER", textDa: "En vagt hos Lyset i de kommende dage mangler stadig en nøglebærer. Se vagtplanen, og tag vagten, hvis du kan.", path: "/vagter" });

    // The e-mail says there is a gap and where to look: no name, no date, no time.
    const mails = catcher.messages.filter((message) => message.subject === "En vagt hos Lyset mangler en nøglebærer");
    expect(mails).toHaveLength(3);
    for (const mail of mails) {
      expect(mail.text).toContain("https://traedesten.test/vagter");
      const body = [mail.subject, mail.text, mail.html].join("\n");
      for (const value of ["Karin", "Vagn", "Vera", "Mette", "25.", "25/11", "november", "17.00", "17:00", "2026"]) expect(body, value).not.toContain(value);
    }

    // Next morning, Saturday's gap is within 3 days; Wednesday 2 December is not due and has its key holder anyway.
    app.clock.set("2026-11-26T09:00:00.000Z");
    await app.runJobs();
    expect(await reminded()).toEqual([wednesday.id, saturday.id]);
    app.clock.set("2026-11-30T09:00:00.000Z");
    await app.runJobs();
    expect(await reminded()).toEqual([wednesday.id, saturday.id]);
  }, SLOW_TEST_MS);

  it("follows the number of days the centre admin chooses, and 0 turns it off", async () => {
    await signInAgain(app, world);
    // Saturday 5 December 22:00 is 5½ days from Monday 30 November: due at 7 days, not at 3.
    const saturday = await shiftOn("2026-12-05");
    const refused = await runError(world.as.admin, SET_DAYS, { input: { centreId: world.centreId, days: 31 } }, "ValidationError");
    expect(refused).toMatchObject({ __typename: "ValidationError" });
    // Refused either way: a top-level FORBIDDEN or a ForbiddenError member.
    expect((await runError(world.as.volunteer, SET_DAYS, { input: { centreId: world.centreId, days: 7 } }, "FORBIDDEN")).code).toBe("FORBIDDEN");
    // An id that is no centre (here: the centre's unit) is refused like anyone else's centre, never
    // a 500 (found by the fuzz test): an unknown id is "not allowed" (server/shared/policy.ts).
    const unknown = await runError(world.as.admin, SET_DAYS, { input: { centreId: world.unitId, days: 7 } }, "ForbiddenError");
    expect(unknown).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    expect((await app.prisma.centre.findUniqueOrThrow({ where: { id: world.centreId } })).rotaGapReminderDays).toBe(3);

    const set = (await runOk(world.as.admin, SET_DAYS, { input: { centreId: world.centreId, days: 7 } })).setRotaGapReminderDays;
    expect(set).toEqual({ __typename: "SetRotaGapReminderDaysSuccess", centre: { id: world.centreId, rotaGapReminderDays: 7 } });
    await app.runJobs();
    expect((await reminded()).at(-1)).toBe(saturday.id);
    const count = (await reminded()).length;

    expect((await runOk(world.as.admin, SET_DAYS, { input: { centreId: world.centreId, days: 0 } })).setRotaGapReminderDays.__typename).toBe("SetRotaGapReminderDaysSuccess");
    app.clock.set("2026-12-08T09:00:00.000Z"); // Wednesday 9 December's gap is a day away
    await signInAgain(app, world);
    await app.runJobs();
    expect(await reminded()).toHaveLength(count);
  }, SLOW_TEST_MS);

  it("lets two runners share the due gaps without reminding any twice", async () => {
    await signInAgain(app, world);
    expect((await runOk(world.as.admin, SET_DAYS, { input: { centreId: world.centreId, days: 5 } })).setRotaGapReminderDays.__typename).toBe("SetRotaGapReminderDaysSuccess");
    const generated = dataOf(await run(world.as.staff, GENERATE_ROTA, { input: { centreId: world.centreId, fromDate: "2026-12-08", toDate: "2026-12-20" } })).generateRota;
    expect(generated.__typename).toBe("GenerateRotaSuccess");
    const before = (await reminded()).length;
    const now = app.clock.now();
    const [first, second] = await Promise.all([remindRotaGaps(app.prisma, now, 1), remindRotaGaps(app.prisma, now, 1)]);
    const after = await reminded();
    // Due now: Wednesday 9 December and Saturday 12 December (within 5 days of Tuesday 8 December).
    expect(first + second).toBe(2);
    expect(after).toHaveLength(before + 2);
    expect(new Set(after).size).toBe(after.length);
    expect(await remindRotaGaps(app.prisma, now)).toBe(0);
  }, SLOW_TEST_MS);
});
