import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connect.ts";
import { freshDatabase } from "../../testing/test-app.ts";
import { addinIds, addinRelease } from "./addin-releases.ts";

let database: Db;
beforeEach(async () => {
  database = await freshDatabase();
});
afterEach(async () => {
  await database.close();
});

describe("add-in ids and versions", () => {
  it("makes four distinct ids once and keeps them", async () => {
    const first = await addinIds(database.db);
    const ids = [first.outlook.xmlId, first.outlook.jsonId, first.excel.xmlId, first.excel.jsonId];
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await addinIds(database.db)).toEqual(first);
    expect((await addinRelease(database.db, "outlook", "a")).xmlId).toBe(first.outlook.xmlId);
  });

  it("keeps the revision while nothing changes and raises it on every change, a rollback too", async () => {
    expect((await addinRelease(database.db, "outlook", "build-1")).revision).toBe(1);
    expect((await addinRelease(database.db, "outlook", "build-1")).revision).toBe(1);
    expect((await addinRelease(database.db, "outlook", "build-2")).revision).toBe(2);
    expect((await addinRelease(database.db, "outlook", "build-1")).revision).toBe(3);
    // Each add-in counts on its own.
    expect((await addinRelease(database.db, "excel", "build-1")).revision).toBe(1);
  });

  it("gives concurrent requests for the same new build one revision", async () => {
    await addinRelease(database.db, "excel", "old");
    const answers = await Promise.all(Array.from({ length: 5 }, () => addinRelease(database.db, "excel", "new")));
    expect(answers.map((answer) => answer.revision)).toEqual([2, 2, 2, 2, 2]);
  });
});
