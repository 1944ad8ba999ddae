import type { User } from "@rapport/shared/schemas";
import { describe, expect, it } from "vitest";
import { adminText } from "../admin-text.ts";
import { type SummaryContext, summarizeDetail } from "./audit-summary.ts";

const context = (language: "en" | "fr" = "en"): SummaryContext => ({
  text: adminText(language),
  userName: (id) => (id === "usr_lea" ? "Léa Martin" : undefined),
  teamName: (id) => (id === "team_n" ? "Sales › North" : undefined),
});

const lea: User = {
  id: "usr_lea",
  email: "lea@example.fr",
  name: "Léa Martin",
  role: "rep",
  teamId: null,
  active: true,
  createdAt: "2025-01-01T00:00:00.000Z",
};

describe("summarizeDetail", () => {
  it("names a user's changed fields and values as the Users tab does, and nothing that stayed", () => {
    const entry = {
      action: "update" as const,
      entity: "user",
      entityId: lea.id,
      detail: { before: lea, after: { ...lea, role: "manager", teamId: "team_n" } },
    };
    expect(summarizeDetail(entry, context())).toBe("Role: Sales rep → Manager · Team: No team → Sales › North");
    expect(summarizeDetail(entry, context("fr"))).toBe(
      "Rôle : Commercial → Manager · Équipe : Sans équipe → Sales › North",
    );
    const deactivated = { ...entry, detail: { before: lea, after: { ...lea, active: false } } };
    expect(summarizeDetail(deactivated, context())).toBe("State: Active → Deactivated");
  });

  it("lists a record's changed fields, old → new, with what else the entry says", () => {
    const entry = {
      action: "update" as const,
      entity: "campaign",
      entityId: "cmp_1",
      detail: {
        changed: { status: { from: "draft", to: "launched" }, ownerId: { from: "usr_lea", to: null } },
        launch: { segmentMembers: 3 },
      },
    };
    expect(summarizeDetail(entry, context())).toBe(
      "status: draft → launched · ownerId: Léa Martin → none · launch: (segmentMembers 3)",
    );
  });

  it("gives a refusal's reason and the request it refused", () => {
    const entry = {
      action: "refused" as const,
      entity: "request",
      entityId: null,
      detail: { method: "GET", path: "/api/v1/users", code: "forbidden", reason: "Only an admin may do this." },
    };
    expect(summarizeDetail(entry, context())).toBe("Only an admin may do this. (GET /api/v1/users)");
  });

  it("says where a merged record went, and what the kept one absorbed", () => {
    const detail = { mergeId: "mrg_1", survivorId: "con_a", mergedIds: ["con_b", "con_c"], repointed: {} };
    expect(summarizeDetail({ action: "merge", entity: "contact", entityId: "con_b", detail }, context())).toBe(
      "Merged into con_a",
    );
    expect(summarizeDetail({ action: "merge", entity: "contact", entityId: "con_a", detail }, context())).toBe(
      "Kept; con_b, con_c merged into it",
    );
    expect(summarizeDetail({ action: "unmerge", entity: "contact", entityId: "con_a", detail }, context())).toBe(
      "Merge mrg_1 undone",
    );
  });

  it("recognises a deleted record by its name, and shortens whatever else it does not know", () => {
    const deleted = { action: "delete" as const, entity: "contact", entityId: "con_a" };
    expect(
      summarizeDetail({ ...deleted, detail: { before: { firstName: "Jean", lastName: "Dupont" } } }, context()),
    ).toBe("Was: Jean Dupont");
    const long = "x".repeat(500);
    const summary = summarizeDetail(
      {
        action: "export",
        entity: "segment",
        entityId: "seg_1",
        detail: { name: long, ids: [1, 2, 3, 4, 5], ok: true },
      },
      context(),
    );
    expect(summary).toMatch(/^name: x{59}… · ids: 1, 2, 3 \(\+2\) · ok: yes$/);
    expect(
      summarizeDetail(
        { ...deleted, detail: { text: long, more: long, again: long, last: long, end: long, x: long } },
        context(),
      ).length,
    ).toBeLessThanOrEqual(300);
  });
});
