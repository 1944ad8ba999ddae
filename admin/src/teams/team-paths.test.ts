import type { Team } from "@rapport/shared/schemas";
import { describe, expect, it } from "vitest";
import { sortedByPath, teamPaths } from "./team-paths.ts";

const team = (id: string, name: string, parentId: string | null = null): Team => ({
  id,
  name,
  parentId,
  createdAt: "2025-01-01T00:00:00.000Z",
});

describe("teamPaths", () => {
  it("names a sub-team by its path from the top, and sorts a sub-team after its parent", () => {
    const teams = [
      team("team_n2", "North", "team_b"),
      team("team_b", "Benelux"),
      team("team_n1", "North", "team_a"),
      team("team_a", "Alps"),
    ];
    const paths = teamPaths(teams);
    expect(paths.get("team_n1")).toBe("Alps › North");
    expect(paths.get("team_n2")).toBe("Benelux › North");
    expect(sortedByPath(teams, paths).map((t) => t.id)).toEqual(["team_a", "team_n1", "team_b", "team_n2"]);
  });

  it("stops at a missing parent or a cycle instead of looping", () => {
    const paths = teamPaths([
      team("team_x", "X", "team_y"),
      team("team_y", "Y", "team_x"),
      team("team_z", "Z", "team_gone"),
    ]);
    expect(paths.get("team_x")).toBe("Y › X");
    expect(paths.get("team_z")).toBe("Z");
  });
});
