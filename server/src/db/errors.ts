/** What the two drivers say when a constraint stops a write, told apart without the driver types. */
export type ConstraintKind = "unique" | "foreign_key";

export function constraintViolation(error: unknown): ConstraintKind | null {
  if (typeof error !== "object" || error === null || !("code" in error)) return null;
  const code = String((error as { code: unknown }).code);
  if (code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
    return "unique";
  }
  if (code === "23503" || code === "SQLITE_CONSTRAINT_FOREIGNKEY") return "foreign_key";
  return null;
}

/** PostgreSQL rolled the transaction back to break a deadlock (SQLite's one writer never deadlocks). */
export function isDeadlock(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "40P01";
}
