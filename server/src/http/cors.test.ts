import { describe, expect, it } from "vitest";
import { configFromEnv } from "../config.ts";
import { readEnv } from "../env.ts";
import { useTestApp } from "../testing/test-app.ts";

const ADDINS = "https://addins.example.com";
const PREFLIGHT = {
  "access-control-request-method": "POST",
  "access-control-request-headers": "authorization,content-type",
};

function corsHeaders(headers: Headers): string[] {
  const names: string[] = [];
  headers.forEach((_value, name) => {
    if (name.startsWith("access-control-")) names.push(name);
  });
  return names;
}

describe("CORS", () => {
  const t = useTestApp({ corsOrigins: new Set([ADDINS, "http://127.0.0.1"]) });

  it("answers a preflight from a listed origin with 204, without a token", async () => {
    const preflight = await t.call("OPTIONS", "/contacts", { token: null, headers: { origin: ADDINS, ...PREFLIGHT } });
    expect(preflight.status).toBe(204);
    expect(preflight.text).toBe("");
    const h = preflight.headers;
    expect(h.get("access-control-allow-origin")).toBe(ADDINS);
    expect(h.get("access-control-allow-methods")?.split(/,\s*/).sort()).toEqual(["DELETE", "GET", "PATCH", "POST"]);
    expect(h.get("access-control-allow-headers")?.split(/,\s*/).sort()).toEqual([
      "authorization",
      "content-type",
      "idempotency-key",
      "if-match",
    ]);
    expect(Number(h.get("access-control-max-age"))).toBeGreaterThan(0);
    expect(h.get("vary")?.toLowerCase()).toContain("origin");
    expect(h.get("access-control-allow-credentials")).toBeNull();
  });

  it("lets a listed origin read answers, errors included, and the headers the add-ins need", async () => {
    const me = await t.call("GET", "/me", { headers: { origin: ADDINS } });
    expect(me.status).toBe(200);
    expect(me.headers.get("access-control-allow-origin")).toBe(ADDINS);
    const exposed = me.headers.get("access-control-expose-headers")?.toLowerCase().split(/,\s*/) ?? [];
    expect(exposed).toEqual(expect.arrayContaining(["etag", "retry-after", "location"]));
    expect(me.headers.get("access-control-allow-credentials")).toBeNull();
    expect(me.headers.get("vary")?.toLowerCase()).toContain("origin");

    // A refusal must be readable too, or the add-in cannot tell a 401 from a network failure.
    const refused = await t.call("GET", "/me", { token: null, headers: { origin: ADDINS } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("access-control-allow-origin")).toBe(ADDINS);

    const health = await t.call("GET", "/health", { token: null, headers: { origin: ADDINS } });
    expect(health.headers.get("access-control-allow-origin")).toBe(ADDINS);
  });

  it("gives any other origin no CORS headers, and refuses its preflight with 403", async () => {
    const near = [
      "https://evil.example.com",
      "https://addins.example.com.evil.com",
      "http://addins.example.com",
      "https://addins.example.com:8443",
      "null",
    ];
    for (const origin of near) {
      const me = await t.call("GET", "/me", { headers: { origin } });
      expect(me.status).toBe(200);
      expect(corsHeaders(me.headers)).toEqual([]);

      const preflight = await t.call("OPTIONS", "/contacts", { token: null, headers: { origin, ...PREFLIGHT } });
      expect(preflight.status).toBe(403);
      expect(preflight.json).toMatchObject({ code: "forbidden" });
      expect(preflight.json.detail).toContain("RAPPORT_CORS_ORIGINS");
      expect(corsHeaders(preflight.headers)).toEqual([]);
      expect(preflight.headers.get("vary")?.toLowerCase()).toContain("origin");
    }
  });

  it("adds nothing for a caller that sends no Origin (scripts, the CLI)", async () => {
    const me = await t.call("GET", "/me");
    expect(me.status).toBe(200);
    expect(corsHeaders(me.headers)).toEqual([]);
    // OPTIONS that is not a preflight is an ordinary request: it needs a token like any other.
    expect((await t.call("OPTIONS", "/contacts", { token: null })).status).toBe(401);
  });

  it("allows the public URL's origin and each RAPPORT_CORS_ORIGINS entry, as origins", () => {
    const config = configFromEnv(
      readEnv({
        RAPPORT_PUBLIC_URL: "https://crm.example.com/rapport",
        RAPPORT_CORS_ORIGINS: `${ADDINS}/, https://localhost:3000`,
      }),
    );
    expect([...config.corsOrigins].sort()).toEqual([ADDINS, "https://crm.example.com", "https://localhost:3000"]);
  });
});
