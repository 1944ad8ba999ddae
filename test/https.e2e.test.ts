import { X509Certificate } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, runCli, startServer } from "./support/server-process.ts";

/**
 * `npm start` as an admin trying Rapport on their machine: HTTPS with a localhost certificate made
 * on first start, manifests for https://localhost:<port> whose every URL answers, ids and versions
 * that survive a restart, and the admin's own certificate files when configured.
 */

let work: string;
let dataDir: string;
let certDir: string;
let port: number;
let server: RunningServer | null = null;
let publicUrl: string;

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** GET over HTTPS trusting only `ca` (the generated CA), so a certificate problem fails the test. */
function get(url: string, ca: Buffer | null): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca: ca ?? undefined, headers: { accept: "*/*" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

const ca = () => readFileSync(join(certDir, "ca.crt"));
const tlsEnv = () => ({ RAPPORT_TLS: "on", PORT: String(port), RAPPORT_DEV_CERT_DIR: certDir });

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "rapport-https-"));
  dataDir = join(work, "data");
  certDir = join(work, "certs");
  port = await freePort();
  publicUrl = `https://localhost:${port}`;
  server = await startServer({ env: tlsEnv(), dataDir });
});
afterAll(async () => {
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("a first start without a certificate", () => {
  it("generates a localhost certificate, says where, and serves HTTPS with it", async () => {
    expect(server?.url).toBe(`https://127.0.0.1:${port}`);
    expect(server?.output()).toContain(`Generated a localhost certificate in ${certDir}`);
    expect(server?.output()).toContain(`Admin page: ${publicUrl}/admin`);
    const health = await get(`${publicUrl}/api/v1/health`, ca());
    expect(health.status).toBe(200);
    // Without trusting the generated CA, the certificate is refused: this is real TLS.
    await expect(get(`${publicUrl}/api/v1/health`, null)).rejects.toThrow(/certificate/i);
    const cert = new X509Certificate(readFileSync(join(certDir, "localhost.crt")));
    expect(cert.checkHost("localhost")).toBe("localhost");
    expect(cert.verify(new X509Certificate(ca()).publicKey)).toBe(true);
  });
});

describe("the manifests served for https://localhost", () => {
  const manifestUrls = ["outlook.xml", "excel.xml", "outlook.json", "excel.json"];

  it("point only at pages and icons that answer 200 on this server", async () => {
    const urls = new Set<string>();
    for (const file of manifestUrls) {
      const answer = await get(`${publicUrl}/manifests/${file}`, ca());
      expect(answer.status, file).toBe(200);
      const text = answer.body.toString("utf8");
      for (const [url] of text.matchAll(/https?:\/\/[^"\s<]+/g)) {
        if (/schemas\.microsoft\.com|w3\.org|json-schemas/.test(url)) continue;
        urls.add(url.replace(/&amp;/g, "&"));
      }
    }
    expect(urls.size).toBeGreaterThan(10);
    for (const url of urls) {
      expect(url.startsWith(`${publicUrl}/`), url).toBe(true);
      const answer = await get(url.replace(/#.*$/, ""), ca());
      expect(answer.status, url).toBe(200);
      if (url.endsWith(".png")) {
        expect(answer.headers["content-type"]).toBe("image/png");
        // Office replaces add-in images served with Cache-Control by a generic one.
        expect(answer.headers["cache-control"], url).toBeUndefined();
      } else {
        // Pages and launchevent.js keep their names across builds: never cached for good.
        expect(answer.headers["cache-control"], url).toBe("no-cache");
      }
    }
    // Both add-ins' task panes and the Outlook event runtime are among them.
    for (const page of ["/addins/outlook/index.html", "/addins/outlook/commands.html", "/addins/excel/index.html"]) {
      expect(urls, page).toContain(`${publicUrl}${page}`);
    }
  });

  it("serve the app packages as ZIP files", async () => {
    for (const addin of ["outlook", "excel"]) {
      const answer = await get(`${publicUrl}/manifests/${addin}.zip`, ca());
      expect(answer.status).toBe(200);
      expect(answer.headers["content-type"]).toBe("application/zip");
      expect(answer.body.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
    }
  });

  it("serve pane pages with a policy that trusts only Office's CDN, this server and Office's frames", async () => {
    for (const page of ["/addins/outlook/index.html", "/addins/outlook/commands.html", "/addins/excel/index.html"]) {
      const policy = String((await get(`${publicUrl}${page}`, ca())).headers["content-security-policy"]);
      const directives = new Map(
        policy.split(";").map((d) => {
          const [name = "", ...values] = d.trim().split(/\s+/);
          return [name, values] as const;
        }),
      );
      expect(directives.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
      expect(directives.get("object-src")).toEqual(["'none'"]);
      expect(directives.get("base-uri")).toEqual(["'none'"]);
      const ancestors = directives.get("frame-ancestors") ?? [];
      expect(ancestors).toContain("https://*.office.com");
      expect(ancestors).toContain("https://*.cloud.microsoft");
      for (const source of ancestors) expect(source, page).toMatch(/^'self'$|^https:\/\/[\w*.-]+\.[a-z]+$/);
      for (const source of directives.get("connect-src") ?? []) expect(["'self'", publicUrl]).toContain(source);
    }
    const admin = await get(`${publicUrl}/admin/`, ca());
    expect(admin.status).toBe(200);
    expect(String(admin.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
  });
});

describe("a restart", () => {
  it("keeps the certificate, the add-in ids and their versions", async () => {
    const before = await manifestIdentity();
    const certificate = readFileSync(join(certDir, "localhost.crt"));
    await server?.stop();
    server = await startServer({ env: tlsEnv(), dataDir });
    expect(server.output()).not.toContain("Generated a localhost certificate");
    expect(readFileSync(join(certDir, "localhost.crt"))).toEqual(certificate);
    expect(await manifestIdentity()).toEqual(before);
  });

  it("serves the admin's own certificate files when they are configured", async () => {
    const before = await manifestIdentity();
    await server?.stop();
    const own = join(work, "own");
    copyFileSync(join(certDir, "localhost.crt"), join(work, "server.crt"));
    copyFileSync(join(certDir, "localhost.key"), join(work, "server.key"));
    server = await startServer({
      env: {
        RAPPORT_TLS: "on",
        PORT: String(port),
        RAPPORT_PUBLIC_URL: publicUrl,
        RAPPORT_TLS_CERT: join(work, "server.crt"),
        RAPPORT_TLS_KEY: join(work, "server.key"),
        // A folder that does not exist: nothing may be generated when files are given.
        RAPPORT_DEV_CERT_DIR: own,
      },
      dataDir,
    });
    expect(server.output()).toContain(`HTTPS with ${join(work, "server.crt")}`);
    expect((await get(`${publicUrl}/api/v1/health`, ca())).status).toBe(200);
    expect(await manifestIdentity()).toEqual(before);
  });

  it("is refused, with the reason, for a public URL no certificate covers", async () => {
    await expect(
      startServer({ env: { ...tlsEnv(), PORT: "0", RAPPORT_PUBLIC_URL: "https://crm.example.com" } }),
    ).rejects.toThrow(/public URL https:\/\/crm\.example\.com is not on this machine.*RAPPORT_TLS_CERT/s);
  });
});

describe("npm run cli -- manifest", () => {
  it("writes the same add-ins as the server serves, for the URL it is given", async () => {
    const served = await manifestIdentity();
    await server?.stop();
    server = null;
    const out = join(work, "cli-manifests");
    const run = await runCli(["manifest", "--url", publicUrl, "--out", out], { RAPPORT_DATA_DIR: dataDir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^outlook 0\.1\.\d+ \(add-in [0-9a-f-]{36}\)/m);
    const xml = readFileSync(join(out, "outlook.xml"), "utf8");
    expect(/<Id>([^<]+)<\/Id>/.exec(xml)?.[1]).toBe(served.outlookId);
    expect(/<Version>([^<]+)<\/Version>/.exec(xml)?.[1]).toBe(served.outlookVersion);
    expect(readFileSync(join(out, "excel.zip")).subarray(0, 2).toString("latin1")).toBe("PK");
    const refused = await runCli(["manifest", "--url", "http://crm.example.com", "--out", out], {
      RAPPORT_DATA_DIR: dataDir,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/HTTPS only/);
  });
});

async function manifestIdentity() {
  const field = (xml: string, name: string) => new RegExp(`<${name}>([^<]+)</${name}>`).exec(xml)?.[1];
  const outlook = (await get(`${publicUrl}/manifests/outlook.xml`, ca())).body.toString("utf8");
  const excel = (await get(`${publicUrl}/manifests/excel.xml`, ca())).body.toString("utf8");
  return {
    outlookId: field(outlook, "Id"),
    outlookVersion: field(outlook, "Version"),
    excelId: field(excel, "Id"),
    excelVersion: field(excel, "Version"),
  };
}
