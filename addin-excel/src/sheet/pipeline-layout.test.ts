import type { PipelineDeal } from "@rapport/shared/schemas";
import { describe, expect, it } from "vitest";
import { closeMonths, PIPELINE_TABLE, pipelinePlan } from "./pipeline-layout.ts";

const deal = (
  id: string,
  stage: PipelineDeal["stage"],
  close: string | null,
  owner = "Julien Mercier",
): PipelineDeal => ({
  id,
  version: 1,
  name: `=cmd|${id}`,
  accountId: "acc_1",
  accountName: "Acme SA",
  stage,
  amount: 1000,
  currency: "EUR",
  probability: 50,
  weightedAmount: 500,
  expectedCloseDate: close,
  ownerId: "usr_1",
  ownerName: owner,
  lastActivityAt: null,
});

describe("the pipeline sheet", () => {
  const query = {
    scope: "team" as const,
    closeFrom: "2026-01-15",
    closeTo: "2026-03-02",
    currency: "EUR",
    includeClosed: false,
  };
  const plan = pipelinePlan(
    [deal("opp_1", "lead", "2026-01-20"), deal("opp_2", "proposal", null, "Inès Haddad")],
    query,
    "en",
    new Date("2026-01-01T10:00:00Z"),
  );

  it("writes the deals with a weighted amount formula per row, text escaped", () => {
    const [table] = plan.tables;
    expect(table?.name).toBe(PIPELINE_TABLE);
    expect(table?.rows[0]?.slice(0, 6)).toEqual([
      "Acme SA",
      "'=cmd|opp_1",
      "Lead",
      1000,
      50,
      "=[@[Amount]]*[@[Probability]]/100",
    ]);
    expect(table?.hidden).toEqual([9, 10]);
  });

  it("sums by stage, by owner and by month with formulas over the table", () => {
    const cells = plan.blocks.flatMap((b) => b.cells.flat()).map(String);
    expect(cells).toContain(`=SUMIFS(${PIPELINE_TABLE}[Weighted amount],${PIPELINE_TABLE}[Stage],M5)`);
    expect(cells).toContain("=SUM(N5:N8)");
    expect(cells).toContain(`=COUNTIFS(${PIPELINE_TABLE}[Owner],M12)`);
    expect(cells.some((c) => c.includes(`${PIPELINE_TABLE}[Expected close],"<"&EDATE(M`))).toBe(true);
    expect(plan.charts[0]?.source).toMatchObject({ columns: 3, rows: 4 });
  });

  it("forecasts each month of the period, at most two years", () => {
    expect(closeMonths([], query)).toEqual(["2026-01-01", "2026-02-01", "2026-03-01"]);
    expect(closeMonths([], { closeFrom: "2020-01-01", closeTo: "2030-01-01" })).toHaveLength(24);
    expect(closeMonths([], { closeFrom: "", closeTo: "" })).toEqual([]);
  });
});
