import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../config.ts";
import { DEV_CERT_FILES, loadTls } from "./tls.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rapport-tls-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const dev = (publicUrl: string, certDir = join(dir, "dev")) =>
  testConfig({ publicUrl, tls: { mode: "dev", dir: certDir } });

describe("TLS at start", () => {
  it("serves plain HTTP only when asked", async () => {
    expect(await loadTls(testConfig({ tls: { mode: "off" } }))).toBeNull();
  });

  it("makes a localhost certificate once, keeps it, and makes a new one when it is about to expire", async () => {
    const first = await loadTls(dev("https://localhost:8787"));
    expect(first?.notes.join("\n")).toMatch(/Generated a localhost certificate/);
    const again = await loadTls(dev("https://127.0.0.1:8787"));
    expect(again?.notes.join("\n")).not.toMatch(/Generated/);
    expect(again?.cert).toEqual(first?.cert);
    const nextYear = new Date(Date.now() + 365 * 86_400_000);
    const renewed = await loadTls(dev("https://localhost:8787"), nextYear);
    expect(renewed?.notes.join("\n")).toMatch(/Generated/);
    expect(renewed?.cert).not.toEqual(first?.cert);
  });

  it("refuses to make a localhost certificate for a public URL elsewhere", async () => {
    await expect(loadTls(dev("https://crm.example.com", join(dir, "never")))).rejects.toThrow(
      /https:\/\/crm\.example\.com is not on this machine.*RAPPORT_TLS_CERT and RAPPORT_TLS_KEY.*RAPPORT_TLS=off/,
    );
  });

  it("uses the admin's files, warns when they are for another host, and stops on unreadable ones", async () => {
    const certFile = join(dir, "dev", DEV_CERT_FILES.cert);
    const keyFile = join(dir, "dev", DEV_CERT_FILES.key);
    const files = (publicUrl: string, cert = certFile) =>
      testConfig({ publicUrl, tls: { mode: "files", certFile: cert, keyFile } });
    const local = await loadTls(files("https://localhost"));
    expect(local?.key).toEqual(readFileSync(keyFile));
    expect(local?.notes.join("\n")).not.toMatch(/Warning/);
    expect((await loadTls(files("https://crm.example.com")))?.notes.join("\n")).toMatch(
      /Warning: .* is not for crm\.example\.com/,
    );
    await expect(loadTls(files("https://localhost", join(dir, "missing.pem")))).rejects.toThrow(
      /RAPPORT_TLS_CERT names .*missing\.pem, which cannot be read \(ENOENT\)/,
    );
    writeFileSync(join(dir, "garbage.pem"), "not a certificate");
    await expect(loadTls(files("https://localhost", join(dir, "garbage.pem")))).rejects.toThrow(
      /not a PEM certificate/,
    );
    await expect(loadTls(files("https://localhost"), new Date(Date.now() + 2 * 365 * 86_400_000))).rejects.toThrow(
      /expired/,
    );
  });
});
