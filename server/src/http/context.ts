import type { Role } from "@rapport/shared/schemas";

/** Who is calling, as the auth middleware found them. */
export type AuthUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    user: AuthUser;
  };
};
