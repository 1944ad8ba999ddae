/**
 * An API token for a user of the demo workspace, made through the admin API as
 * `npm run cli -- token create` would: the browser tests sign panes in with it.
 */
export async function demoUserToken(
  url: string,
  adminToken: string,
  email: string,
  token: { name: string; scopes?: Array<"read" | "write" | "admin"> },
): Promise<{ token: string; userId: string }> {
  const call = async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as T };
  };
  const users = await call<{ items: Array<{ id: string; email: string }> }>("GET", "/users");
  const user = users.json.items.find((u) => u.email === email);
  if (!user) throw new Error(`no demo user ${email}: ${users.json.items.map((u) => u.email).join(", ")}`);
  const created = await call<{ token: string }>("POST", "/tokens", { userId: user.id, ...token });
  if (created.status !== 201) throw new Error(`token for ${email}: ${created.status} ${JSON.stringify(created.json)}`);
  return { token: created.json.token, userId: user.id };
}
