import { demoUserToken } from "../demo-token.ts";

/** A few calls to the real server, for a test to set up users and read the database back. */
export function rapportApi(url: string, token: string) {
  const call = async <T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: (text ? JSON.parse(text) : null) as T };
  };
  /** Every item of a paged list. */
  const all = async <T = Record<string, unknown>>(path: string, limit = 500): Promise<T[]> => {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes("?") ? "&" : "?";
      const page: { status: number; json: { items: T[]; nextCursor: string | null } } = await call(
        "GET",
        `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}: ${JSON.stringify(page.json)}`);
      items.push(...page.json.items);
      cursor = page.json.nextCursor;
    } while (cursor);
    return items;
  };
  return { call, all };
}

/** An API token for the demo user with this email, made through the admin API. */
export function tokenFor(url: string, adminToken: string, email: string): Promise<{ token: string; userId: string }> {
  return demoUserToken(url, adminToken, email, { name: "excel e2e" });
}
