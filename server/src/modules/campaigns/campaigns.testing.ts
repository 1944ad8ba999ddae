import { expect } from "vitest";
import { writeJson } from "../../records/json-column.ts";
import type { TestApp } from "../../testing/test-app.ts";

/** Helpers shared by the campaign tests: contacts, static segments, campaigns, launches. */
export function campaignFixtures(t: TestApp) {
  let made = 0;
  /** A contact reachable on every channel unless `body` says otherwise (a launch leaves out the unreachable). */
  async function contact(body: Record<string, unknown>, token?: string): Promise<string> {
    made++;
    const reachable = {
      emails: [`person${made}@reach.test`],
      phones: ["+33612345678"],
      address: { lines: ["1 rue de la Paix"], city: "Paris" },
    };
    const response = await t.call("POST", "/contacts", { body: { ...reachable, ...body }, token });
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    return response.json.id as string;
  }

  async function staticSegment(ids: string[], token?: string, name = "List"): Promise<string> {
    const segment = await t.call("POST", "/segments", {
      body: { name, entity: "contacts", kind: "static" },
      token,
    });
    expect(segment.status, JSON.stringify(segment.json)).toBe(201);
    const added = await t.call("POST", `/segments/${segment.json.id}/members`, { body: { add: ids }, token });
    expect(added.status, JSON.stringify(added.json)).toBe(200);
    return segment.json.id as string;
  }

  async function campaign(body: Record<string, unknown>, token?: string) {
    const response = await t.call("POST", "/campaigns", { body: { name: "Spring", channel: "email", ...body }, token });
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    return response.json;
  }

  async function launched(body: Record<string, unknown>, token?: string) {
    const created = await campaign(body, token);
    const response = await t.call("POST", `/campaigns/${created.id}/launch`, { token });
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    return response.json;
  }

  /** Every row of the campaign's list, straight from the table. */
  async function listRows(campaignId: string) {
    return t.database.db
      .selectFrom("campaign_targets")
      .selectAll()
      .where("campaign_id", "=", campaignId)
      .orderBy("contact_id")
      .execute();
  }

  async function setPressure(maxSolicitations: number, periodDays: number): Promise<void> {
    await t.database.db
      .insertInto("settings")
      .values({
        key: "marketing",
        value: writeJson({ pressure: { maxSolicitations, periodDays } }),
        updated_at: new Date().toISOString(),
        updated_by: null,
      })
      .execute();
  }

  return { contact, staticSegment, campaign, launched, listRows, setPressure };
}

/** An instant `days` after `iso`, as the API writes timestamps. */
export const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

/** The UTC day `days` after `iso`. */
export const dayPlus = (iso: string, days: number) => plusDays(iso, days).slice(0, 10);
