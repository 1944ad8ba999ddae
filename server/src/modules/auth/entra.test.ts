import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { base64url, exportJWK, exportSPKI, generateKeyPair, type JWK, type JWTPayload, SignJWT } from "jose";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { EntraConfig } from "../../config.ts";
import { freshDatabase, type TestApp, testApp } from "../../testing/test-app.ts";
import { entraUser } from "./entra-users.ts";
import { entraIssuers } from "./entra-verifier.ts";

const T1 = randomUUID();
const T2 = randomUUID();
const OTHER_TENANT = randomUUID();
const API_CLIENT = randomUUID();
const ADDIN_CLIENT = randomUUID();

type Key = { kid: string; privateKey: CryptoKey; publicJwk: JWK; spki: string };

async function makeKey(kid: string): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  return {
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, use: "sig" },
    spki: await exportSPKI(publicKey),
  };
}

/** A stand-in for login.microsoftonline.com: every tenant publishes `published`; fetches are counted. */
let server: Server;
let authority: string;
let published: JWK[] = [];
const fetches = new Map<string, number>();
let signing: Key;
let rotated: Key;
let rogue: Key;

beforeAll(async () => {
  [signing, rotated, rogue] = await Promise.all([makeKey("k1"), makeKey("k2"), makeKey("k-rogue")]);
  server = createServer((req, res) => {
    const tenant = /^\/([^/]+)\/discovery\/v2\.0\/keys$/.exec(req.url ?? "")?.[1];
    if (!tenant) {
      res.writeHead(404).end();
      return;
    }
    fetches.set(tenant, (fetches.get(tenant) ?? 0) + 1);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const entraConfig = (): EntraConfig => ({
  tenantIds: [T1, T2],
  clientId: API_CLIENT,
  audience: `api://${API_CLIENT}`,
  scope: "access_as_user",
  defaultRole: "rep",
  authority,
});

let t: TestApp;
beforeEach(async () => {
  published = [signing.publicJwk];
  fetches.clear();
  t = await testApp({ entra: entraConfig() });
});
afterEach(async () => {
  vi.useRealTimers();
  await t.close();
});

const now = () => Math.floor(Date.now() / 1000);

/** The claims of a v2 delegated access token for Rapport's API, as Entra issues to the add-in. */
function claims(tid = T1, oid = randomUUID()): JWTPayload {
  return {
    aud: `api://${API_CLIENT}`,
    iss: `${authority}/${tid}/v2.0`,
    iat: now() - 10,
    nbf: now() - 10,
    exp: now() + 3600,
    tid,
    oid,
    azp: ADDIN_CLIENT,
    scp: "access_as_user",
    name: "Alice Martin",
    preferred_username: "alice@contoso.example",
    ver: "2.0",
    uti: randomUUID(),
  };
}

function sign(payload: JWTPayload, key: Key = signing, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: key.kid, ...header })
    .sign(key.privateKey);
}

const me = (token: string) => t.call("GET", "/me", { token });

async function entraUsers() {
  return t.database.db.selectFrom("users").selectAll().where("object_id", "is not", null).execute();
}

async function signIns() {
  const rows = await t.database.db.selectFrom("audit_entries").selectAll().where("action", "=", "sign_in").execute();
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
}

describe("Entra access tokens", () => {
  it("a valid token answers 200 and provisions the user once, by tenant id + object id", async () => {
    const oid = randomUUID();
    const first = await sign(claims(T1, oid));
    const answer = await me(first);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      name: "Alice Martin",
      email: "alice@contoso.example",
      role: "rep",
      teamId: null,
    });
    expect((await me(first)).json.id).toBe(answer.json.id);

    // A new token (the add-in refreshed it) for the same person: the same user.
    const second = await sign({ ...claims(T1, oid), name: "Alice M.", preferred_username: "someone@else.example" });
    expect((await me(second)).json.id).toBe(answer.json.id);

    const users = await entraUsers();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ tenant_id: T1, object_id: oid, role: "rep", active: 1 });
    const audited = await signIns();
    expect(audited).toHaveLength(2);
    expect(audited.every((row) => row.user_id === answer.json.id && row.entity === "user")).toBe(true);
    expect(audited.filter((row) => row.detail.provisioned === true)).toHaveLength(1);
    expect(audited[0]?.client).toBe(`entra ${ADDIN_CLIENT}`);

    // A signed-in rep reads and writes, but is no admin.
    expect((await t.call("POST", "/contacts", { body: { lastName: "Lu" }, token: first })).status).toBe(201);
    expect((await t.call("GET", "/users", { token: first })).status).toBe(403);
  });

  it("a v2 token whose audience is the API's client id is accepted too", async () => {
    expect((await me(await sign({ ...claims(), aud: API_CLIENT }))).status).toBe(200);
  });

  it("users of a second allowed tenant sign in; the same object id in another tenant is another user", async () => {
    const oid = randomUUID();
    const inT1 = await me(await sign(claims(T1, oid)));
    const inT2 = await me(await sign(claims(T2, oid)));
    expect(inT1.status).toBe(200);
    expect(inT2.status).toBe(200);
    expect(inT2.json.id).not.toBe(inT1.json.id);
    expect(fetches.get(T2)).toBe(1);
  });

  it("two first requests at once make one user", async () => {
    const oid = randomUUID();
    const tokens = await Promise.all([sign(claims(T1, oid)), sign(claims(T1, oid)), sign(claims(T1, oid))]);
    const answers = await Promise.all([...tokens, ...tokens].map((token) => me(token)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.json.id)).size).toBe(1);
    expect(await entraUsers()).toHaveLength(1);
  });

  it("a first sign-in that loses the race to provision reads the winner's user", async () => {
    const identity = { tenantId: T1, objectId: randomUUID(), name: "Bo", email: "bo@contoso.example" };
    const signIn = { client: "entra test", requestId: null };
    const won = await entraUser(t.database.db, t.database.db, { defaultRole: "rep" }, identity, signIn);
    expect(won.provisioned).toBe(true);
    // A reader that has not seen the winner's row yet (an empty database) makes this attempt insert too.
    const stale = await freshDatabase();
    try {
      const lost = await entraUser(t.database.db, stale.db, { defaultRole: "rep" }, identity, signIn);
      expect(lost.provisioned).toBe(false);
      expect(lost.row.id).toBe(won.row.id);
    } finally {
      await stale.close();
    }
    expect(await entraUsers()).toHaveLength(1);
  });

  it("is never identified by the email the token claims", async () => {
    const existing = await t.addUser("admin");
    const adminEmail = (await t.call("GET", "/me", { token: existing.token })).json.email as string;
    const oid = randomUUID();
    const answer = await me(await sign({ ...claims(T1, oid), preferred_username: adminEmail }));
    expect(answer.status).toBe(200);
    expect(answer.json.id).not.toBe(existing.id);
    expect(answer.json.role).toBe("rep");
    expect(answer.json.email).toBe(`${oid}@${T1}.invalid`);
  });

  it("API tokens keep working next to Microsoft sign-in", async () => {
    expect((await t.call("GET", "/me")).json.id).toBe(t.admin.id);
  });

  it("no token, or a token of another tenant: 401", async () => {
    expect((await t.call("GET", "/me", { token: null })).status).toBe(401);

    const stranger = await me(await sign(claims(OTHER_TENANT)));
    expect(stranger.status).toBe(401);
    expect(stranger.json.detail).toBe(`Users of tenant ${OTHER_TENANT} may not sign in to this server.`);
    // An allowed tenant id with another tenant's issuer.
    const mixed = await me(await sign({ ...claims(T1), iss: `${authority}/${OTHER_TENANT}/v2.0` }));
    expect(mixed.status).toBe(401);
    expect(mixed.json.detail).toBe(`This token's issuer is not tenant ${T1}'s.`);
    expect(fetches.get(OTHER_TENANT)).toBeUndefined();
    expect(await entraUsers()).toHaveLength(0);
  });

  it("wrong audience, expired, not yet valid, tampered: 401", async () => {
    const cases: [string, Promise<string>, string][] = [
      ["audience", sign({ ...claims(), aud: "api://someone-else" }), "This token is not for this API"],
      ["expired", sign({ ...claims(), iat: now() - 7200, nbf: now() - 7200, exp: now() - 120 }), "has expired"],
      ["not yet valid", sign({ ...claims(), nbf: now() + 600, exp: now() + 4000 }), "is not valid yet"],
      ["no exp", sign({ ...claims(), exp: undefined }), `"exp" claim is missing`],
    ];
    for (const [name, token, detail] of cases) {
      const answer = await me(await token);
      expect(answer.status, name).toBe(401);
      expect(answer.json.detail, name).toContain(detail);
    }
    const [header, , signature] = (await sign(claims())).split(".");
    const forged = base64url.encode(JSON.stringify({ ...claims(), oid: randomUUID() }));
    const tampered = await me(`${header}.${forged}.${signature}`);
    expect(tampered.status).toBe(401);
    expect(tampered.json.detail).toBe("This token's signature is wrong.");
    expect(await entraUsers()).toHaveLength(0);
  });

  it("alg none and HS256 signed with the RSA public key: 401", async () => {
    const unsigned = [
      base64url.encode(JSON.stringify({ alg: "none", typ: "JWT", kid: signing.kid })),
      base64url.encode(JSON.stringify(claims())),
      "",
    ].join(".");
    const none = await me(unsigned);
    expect(none.status).toBe(401);
    expect(none.json.detail).toBe(`This token is signed with "none"; only RS256 is accepted.`);

    for (const secret of [signing.spki, JSON.stringify(signing.publicJwk)]) {
      const hmac = await new SignJWT(claims())
        .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: signing.kid })
        .sign(new TextEncoder().encode(secret));
      const answer = await me(hmac);
      expect(answer.status).toBe(401);
      expect(answer.json.detail).toBe(`This token is signed with "HS256"; only RS256 is accepted.`);
    }
    expect(await entraUsers()).toHaveLength(0);
  });

  it("jku, x5u, jwk and x5c headers: 401, and nothing is fetched from them", async () => {
    const headers = {
      jku: `${authority}/${T1}/discovery/v2.0/keys`,
      x5u: "https://evil.example/cert.pem",
      jwk: rogue.publicJwk,
      x5c: ["MIIB"],
    };
    for (const [name, value] of Object.entries(headers)) {
      const answer = await me(await sign(claims(), name === "jwk" ? rogue : signing, { [name]: value }));
      expect(answer.status, name).toBe(401);
      expect(answer.json.detail, name).toContain(`header carries "${name}"`);
    }
    expect(fetches.get(T1)).toBeUndefined();
  });

  it("an ID token instead of an access token: 401", async () => {
    const { scp: _scp, ...idClaims } = claims();
    // As Entra issues it to the add-in: its own client id as audience, a nonce, no scp.
    const forAddin = await me(await sign({ ...idClaims, aud: ADDIN_CLIENT, nonce: "n-0S6_WzA2Mj" }));
    expect(forAddin.status).toBe(401);
    // Even when the add-in and the API share one app registration, so the audience matches.
    const sameApp = await me(await sign({ ...idClaims, aud: API_CLIENT, nonce: "n-0S6_WzA2Mj" }));
    expect(sameApp.status).toBe(401);
    expect(sameApp.json.detail).toContain("not an access token for a signed-in user");
    expect(await entraUsers()).toHaveLength(0);
  });

  it("an access token without the API's scope: 403", async () => {
    const answer = await me(await sign({ ...claims(), scp: "User.Read Mail.Read" }));
    expect(answer.status).toBe(403);
    expect(answer.json.detail).toBe(
      "This access token lacks the scope access_as_user: its scopes are User.Read Mail.Read.",
    );
    expect(await entraUsers()).toHaveLength(0);
  });

  it("an unknown kid: 401, without fetching the key set again within the cooldown", async () => {
    expect((await me(await sign(claims()))).status).toBe(200);
    expect(fetches.get(T1)).toBe(1);
    const answer = await me(await sign(claims(), rogue));
    expect(answer.status).toBe(401);
    expect(answer.json.detail).toBe("This token is signed with a key its tenant does not publish.");
    expect((await me(await sign(claims(), rogue))).status).toBe(401);
    expect(fetches.get(T1)).toBe(1);
  });

  it("key rotation: a new kid published later is fetched once", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    expect((await me(await sign(claims()))).status).toBe(200);
    published = [signing.publicJwk, rotated.publicJwk];
    vi.setSystemTime(Date.now() + 31_000);

    const oid = randomUUID();
    expect((await me(await sign(claims(T1, oid), rotated))).status).toBe(200);
    expect(fetches.get(T1)).toBe(2);
    expect((await me(await sign(claims(T1, oid), rotated))).status).toBe(200);
    expect((await me(await sign(claims(), signing))).status).toBe(200);
    expect(fetches.get(T1)).toBe(2);
    // An unknown kid right after the refresh does not fetch again.
    expect((await me(await sign(claims(), rogue))).status).toBe(401);
    expect(fetches.get(T1)).toBe(2);
  });

  it("a deactivated user is refused, even with a token seen before", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const oid = randomUUID();
    const token = await sign(claims(T1, oid));
    const answer = await me(token);
    expect(answer.status).toBe(200);
    await t.database.db.updateTable("users").set({ active: 0 }).where("id", "=", answer.json.id).execute();
    vi.setSystemTime(Date.now() + 6_000);
    const cached = await me(token);
    expect(cached.status).toBe(401);
    expect(cached.json.detail).toBe("This user is deactivated in Rapport; ask an admin.");
    expect((await me(await sign(claims(T1, oid)))).status).toBe(401);
    expect(await entraUsers()).toHaveLength(1);
  });
});

describe("without Microsoft sign-in configured", () => {
  it("a JWT is refused with a clear message", async () => {
    const plain = await testApp();
    try {
      const answer = await plain.call("GET", "/me", { token: await sign(claims()) });
      expect(answer.status).toBe(401);
      expect(answer.json.detail).toBe("Microsoft sign-in is not configured on this server.");
    } finally {
      await plain.close();
    }
  });
});

describe("entraIssuers", () => {
  it("accepts v1 issuers only on Microsoft's public cloud", () => {
    expect(entraIssuers("https://login.microsoftonline.com", T1)).toEqual([
      `https://login.microsoftonline.com/${T1}/v2.0`,
      `https://sts.windows.net/${T1}/`,
    ]);
    expect(entraIssuers("http://127.0.0.1:1234", T1)).toEqual([`http://127.0.0.1:1234/${T1}/v2.0`]);
  });
});
