import { demoUserToken } from "../demo-token.ts";
import type { RunningServer } from "../server-process.ts";

export type Answer<T> = { status: number; body: T };

/** One call to the running server's API, as a script would make it (the test's own view of the data). */
export async function callApi<T = unknown>(
  server: Pick<RunningServer, "url">,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer<T>> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** A token for a demo rep, made through the admin API (as `npm run cli -- token create` would). */
export async function repToken(server: RunningServer, email = "julien.mercier@rapport.local"): Promise<string> {
  if (!server.adminToken) throw new Error("The server printed no admin token");
  const made = await demoUserToken(server.url, server.adminToken, email, {
    name: "outlook pane e2e",
    scopes: ["read", "write"],
  });
  return made.token;
}

/** Creates a record as the rep and returns its id; a refusal stops the test with the server's answer. */
export async function create(server: RunningServer, token: string, path: string, body: unknown): Promise<string> {
  const answer = await callApi<{ id: string }>(server, token, "POST", path, body);
  if (answer.status !== 201) throw new Error(`POST ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.id;
}

/**
 * The people of the recorded Graph mails, in Rapport: the Contoso account (by its domain) and its
 * contact Adele Vance, with any further fields for her. Answers both ids.
 */
export async function seedContoso(server: RunningServer, token: string, adeleFields: Record<string, unknown> = {}) {
  const contoso = await create(server, token, "/accounts", { name: "Contoso", domains: ["contoso.onmicrosoft.com"] });
  const adele = await create(server, token, "/contacts", {
    firstName: "Adele",
    lastName: "Vance",
    ...adeleFields,
    emails: ["adelev@contoso.onmicrosoft.com"],
    accountId: contoso,
  });
  return { contoso, adele };
}

/** The activities logged for one mail, by its internetMessageId. */
export async function activitiesOfMail(server: RunningServer, token: string, internetMessageId: string) {
  const answer = await callApi<{ items: Array<Record<string, unknown>> }>(
    server,
    token,
    "GET",
    `/activities?internetMessageId=${encodeURIComponent(internetMessageId)}`,
  );
  return answer.body.items;
}
