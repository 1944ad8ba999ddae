import { describe, expect, it } from "vitest";
import { ApiError, createClient } from "./index.ts";

type Seen = { url: string; init: RequestInit };

function fakeFetch(status: number, body: string, contentType = "application/json") {
  const seen: Seen[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: String(url), init: init ?? {} });
    return new Response(status === 204 ? null : body, { status, headers: { "content-type": contentType } });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

describe("the typed client", () => {
  it("builds paths, repeated query parameters, If-Match and the bearer token", async () => {
    const { fetch, seen } = fakeFetch(200, '{"results":[]}');
    const rapport = createClient({ baseUrl: "https://crm.example.com", getToken: () => "rap_x", fetch });
    await rapport.lookup({ query: { email: ["a@b.fr", "c d@e.fr"] } });
    await rapport.contacts.update({ params: { id: "con_1" }, ifMatch: 3, body: { jobTitle: "DAF" } });
    expect(seen[0]?.url).toBe("https://crm.example.com/api/v1/lookup?email=a%40b.fr&email=c+d%40e.fr");
    expect(seen[1]?.url).toBe("https://crm.example.com/api/v1/contacts/con_1");
    const headers = seen[1]?.init.headers as Record<string, string>;
    expect(seen[1]?.init.method).toBe("PATCH");
    expect(headers).toMatchObject({
      authorization: "Bearer rap_x",
      "if-match": '"3"',
      "content-type": "application/json",
    });
    expect(seen[1]?.init.body).toBe('{"jobTitle":"DAF"}');
  });

  it("turns problem answers into ApiError with their code, and survives a non-JSON error page", async () => {
    const problem = {
      type: "x",
      title: "Not found",
      status: 404,
      detail: "No contact",
      code: "not_found",
      requestId: "r1",
    };
    const notFound = createClient({ baseUrl: "http://h", fetch: fakeFetch(404, JSON.stringify(problem)).fetch });
    const error = await notFound.contacts.get({ params: { id: "con_1" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("not_found");

    const proxy = createClient({
      baseUrl: "http://h",
      fetch: fakeFetch(502, "<html>Bad gateway</html>", "text/html").fetch,
    });
    const gateway = (await proxy.health({}).catch((e: unknown) => e)) as ApiError;
    expect(gateway.status).toBe(502);
    expect(gateway.code).toBe("http_error");
    expect(gateway.problem.detail).toContain("Bad gateway");
  });
});
