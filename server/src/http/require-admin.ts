import { AppError } from "./app-error.ts";
import type { AuthUser } from "./context.ts";

/** Admin work needs an admin, acting through a credential with the admin scope. */
export function requireAdmin(user: AuthUser, what: string): void {
  if (user.role !== "admin") throw new AppError("forbidden", `Only an admin may ${what}.`);
  if (!user.scopes.has("admin"))
    throw new AppError("forbidden", `This token lacks the admin scope, needed to ${what}.`);
}
