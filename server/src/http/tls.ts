import { X509Certificate } from "node:crypto";
import { chmodSync, existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config.ts";

/** What the HTTPS server is started with. */
export type TlsMaterial = {
  cert: Buffer;
  key: Buffer;
  /** Lines for the admin: where the certificate came from, and what to trust. */
  notes: string[];
};

/** The files office-addin-dev-certs writes and reads, so its `install` command trusts our CA. */
export const DEV_CERT_FILES = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" } as const;
const DEV_CERT_HOSTS = ["localhost", "127.0.0.1"];
/** Long enough not to re-trust a CA every month; browsers accept up to 825 days for a private CA. */
const DEV_CERT_DAYS = 365;
const DAY_MS = 86_400_000;

/**
 * Turns the TLS settings into a certificate and key, or null for plain HTTP. Fails with a sentence
 * the admin can act on: a missing file, an expired certificate, or a public URL that a generated
 * localhost certificate cannot serve.
 */
export async function loadTls(config: Config, now = new Date()): Promise<TlsMaterial | null> {
  const { tls } = config;
  const host = new URL(config.publicUrl).hostname.replace(/^\[|\]$/g, "");
  if (tls.mode === "off") return null;
  if (tls.mode === "files") {
    const cert = readPem(tls.certFile, "RAPPORT_TLS_CERT");
    const key = readPem(tls.keyFile, "RAPPORT_TLS_KEY");
    const x509 = parseCertificate(cert, tls.certFile);
    if (new Date(x509.validTo).getTime() <= now.getTime()) {
      throw new Error(`Rapport cannot start: the certificate ${tls.certFile} expired on ${x509.validTo}.`);
    }
    const notes = [`HTTPS with ${tls.certFile} (valid until ${x509.validTo}).`];
    if (!covers(x509, host)) {
      // A proxy in front may present another certificate, so this is a warning, not a refusal.
      notes.push(
        `Warning: ${tls.certFile} is not for ${host}; Office refuses add-ins whose certificate does not match.`,
      );
    }
    return { cert, key, notes };
  }
  if (!DEV_CERT_HOSTS.includes(host) && host !== "::1") {
    throw new Error(
      `Rapport cannot start: the public URL ${config.publicUrl} is not on this machine, and no certificate is configured. ` +
        "Set RAPPORT_TLS_CERT and RAPPORT_TLS_KEY to PEM files for that host, or RAPPORT_TLS=off when a reverse proxy serves HTTPS.",
    );
  }
  return devCertificate(tls.dir, now);
}

/** The localhost certificate of a trial, made offline by office-addin-dev-certs the first time. */
async function devCertificate(dir: string, now: Date): Promise<TlsMaterial> {
  const paths = {
    ca: join(dir, DEV_CERT_FILES.ca),
    cert: join(dir, DEV_CERT_FILES.cert),
    key: join(dir, DEV_CERT_FILES.key),
  };
  const notes: string[] = [];
  if (!usableDevCertificate(paths, now)) {
    // office-addin-dev-certs writes nothing while a CA file exists, so stale files go first.
    for (const file of Object.values(paths)) rmSync(file, { force: true });
    const { generateCertificates } = await import("office-addin-dev-certs");
    await generateCertificates(paths.ca, paths.cert, paths.key, DEV_CERT_DAYS, DEV_CERT_HOSTS);
    // The library writes the key readable by everyone; only this user needs it.
    chmodSync(paths.key, 0o600);
    notes.push(`Generated a localhost certificate in ${dir}.`);
  }
  notes.push(
    `HTTPS with the localhost certificate in ${dir}. Trust its CA (${paths.ca}) once so Office and browsers accept it: see "HTTPS" in README.md.`,
  );
  return { cert: readFileSync(paths.cert), key: readFileSync(paths.key), notes };
}

/** Present, for localhost, and valid for at least another day (Office caches a failed load). */
function usableDevCertificate(paths: { ca: string; cert: string; key: string }, now: Date): boolean {
  if (!Object.values(paths).every((file) => existsSync(file))) return false;
  try {
    const x509 = new X509Certificate(readFileSync(paths.cert));
    return new Date(x509.validTo).getTime() > now.getTime() + DAY_MS && DEV_CERT_HOSTS.every((h) => covers(x509, h));
  } catch {
    return false;
  }
}

function covers(x509: X509Certificate, host: string): boolean {
  return /^[\d.]+$|:/.test(host) ? x509.checkIP(host) !== undefined : x509.checkHost(host) !== undefined;
}

function readPem(file: string, variable: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
    throw new Error(`Rapport cannot start: ${variable} names ${file}, which cannot be read (${reason}).`);
  }
}

function parseCertificate(pem: Buffer, file: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw new Error(`Rapport cannot start: ${file} is not a PEM certificate.`);
  }
}
