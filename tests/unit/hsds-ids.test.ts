// Pure parts of the HSDS mapping: derived ids are stable and reversible, and a tabular package
// reads back exactly what was written, quotes, commas and line breaks included.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toTabularZip } from "../../server/modules/opendata/hsds/hsds-export.ts";
import { derivedId, isUuid, nameBasedId, rowIdOf } from "../../server/modules/opendata/hsds/hsds-ids.ts";
import { parsePackage } from "../../server/modules/opendata/hsds/hsds-import.ts";
import { clockTime, emptyTables } from "../../server/modules/opendata/hsds/hsds-mapping.ts";

describe("HSDS ids", () => {
  it("derives a stable UUID per kind and finds the row again from it", () => {
    fc.assert(
      fc.property(fc.uuid(), (rowId) => {
        const id = derivedId(rowId, "centre-service");
        expect(isUuid(id)).toBe(true);
        expect(id).toBe(derivedId(rowId, "centre-service"));
        expect(id).not.toBe(rowId);
        expect(id).not.toBe(derivedId(rowId, "centre-service-at-location"));
        expect(rowIdOf(id, "centre-service")).toBe(rowId);
      }),
    );
  });

  it("makes RFC 4122 version 5 ids from names", () => {
    expect(nameBasedId("taxonomy:target_group")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nameBasedId("a")).not.toBe(nameBasedId("b"));
    expect(rowIdOf("not-a-uuid", "centre-service")).toBeNull();
  });

  it("writes local times as HH:MM with midnight at the end of the day as 24:00", () => {
    expect([clockTime(0), clockTime(570), clockTime(1440)]).toEqual(["00:00", "09:30", "24:00"]);
  });
});

describe("HSDS tabular data package", () => {
  // -0 is written as "0" (the same coordinate), so the generator gives plain 0 instead of -0.
  it("reads back every text and number it wrote", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.double({ min: -90, max: 90, noNaN: true }).map((value) => (value === 0 ? 0 : value)), (name, latitude) => {
        const tables = emptyTables();
        const id = randomUUID();
        tables.location.push({ id, location_type: "physical", name, latitude });
        const parsed = parsePackage(toTabularZip(tables), "application/zip");
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.tables.location).toEqual([{ id, location_type: "physical", name, latitude }]);
      }),
      { numRuns: 50 },
    );
  });

  it("refuses a file that is neither JSON nor a zip, naming the problem", () => {
    const parsed = parsePackage(new TextEncoder().encode("not json"), "text/plain");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toMatchObject({ table: "package", messageDa: expect.any(String) });
  });
});
