import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "./support/server-process.ts";

const FEBRL = resolve(REPO_ROOT, "../shared/data/febrl");
const scratch = mkdtempSync(join(tmpdir(), "rapport-dedup-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Pairwise precision and recall of clusters of FEBRL ids (rec-<person>-org / -dup-<k>). */
function score(clusters: string[][], truePairs: number) {
  let predicted = 0;
  let correct = 0;
  for (const cluster of clusters)
    for (let i = 0; i < cluster.length; i++)
      for (let j = i + 1; j < cluster.length; j++) {
        predicted++;
        if (cluster[i]?.split("-")[1] === cluster[j]?.split("-")[1]) correct++;
      }
  return { precision: correct / predicted, recall: correct / truePairs };
}

describe("npm run cli -- dedup", () => {
  it("prints only the clusters as JSON, and finds FEBRL dataset1's duplicates without a server", async () => {
    const { code, stdout, stderr } = await runCli(
      ["dedup", join(FEBRL, "dataset1.csv"), "--id-column", "rec_id", "--json"],
      {},
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const { clusters } = JSON.parse(stdout) as { clusters: string[][] };
    const { precision, recall } = score(clusters, 500);
    expect(precision).toBeGreaterThanOrEqual(0.995);
    expect(recall).toBeGreaterThanOrEqual(0.995);
  });

  it("reads a French CSV with semicolons in Windows-1252 and explains its groups", async () => {
    const file = join(scratch, "salon.csv");
    const text = [
      "Id;Prénom;Nom;Société;Courriel;Téléphone portable;Code postal;Ville",
      "1;Hélène;Lefèvre;ACME SA;helene.lefevre@acme.fr;06 12 34 56 78;75001;Paris",
      "2;Helene;LEFEVRE;Acme;h.lefevre@gmail.com;0612345678;75001;Paris",
      "3;Jean;Martin;Dupont SARL;jean.martin@dupont.fr;06 99 88 77 66;69001;Lyon",
    ].join("\r\n");
    writeFileSync(file, latin1(text));
    const json = await runCli(["dedup", file, "--id-column", "Id", "--json"], {});
    expect(JSON.parse(json.stdout)).toEqual({ clusters: [["1", "2"]] });
    const report = await runCli(["dedup", file, "--id-column", "Id"], {});
    expect(report.stdout).toContain("1 groups of duplicates");
    expect(report.stdout).toContain("same phone");
  });

  it("says what is wrong with a missing file or column", async () => {
    const missing = await runCli(["dedup", join(scratch, "nope.csv")], {});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nope.csv");
    const noColumn = await runCli(["dedup", join(FEBRL, "dataset1.csv"), "--id-column", "nope"], {});
    expect(noColumn.stderr).toContain('No column "nope"');
  });
});

/** Windows-1252 bytes of text that only uses Latin-1 letters. */
function latin1(text: string): Buffer {
  return Buffer.from(text, "latin1");
}
