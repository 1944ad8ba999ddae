import type { Team } from "@rapport/shared/schemas";

/**
 * Each team's name as admins tell it apart: its path from the top ("Sales › North"), since two
 * regions may both have a "North" team.
 */
export function teamPaths(teams: readonly Team[]): Map<string, string> {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const paths = new Map<string, string>();
  for (const team of teams) {
    const names: string[] = [];
    const seen = new Set<string>();
    let current: Team | undefined = team;
    // The API cannot make a cycle (a parent exists before its child), but a hand-edited database could.
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      names.unshift(current.name);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    paths.set(team.id, names.join(" › "));
  }
  return paths;
}

/** Teams in the order of their paths, so a sub-team follows its parent in a list. */
export function sortedByPath(teams: readonly Team[], paths: Map<string, string>): Team[] {
  return [...teams].sort((a, b) => (paths.get(a.id) ?? a.name).localeCompare(paths.get(b.id) ?? b.name));
}
