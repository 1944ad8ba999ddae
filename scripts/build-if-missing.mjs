// Runs before `npm start` and `npm run demo`: a fresh clone has no built add-ins or admin page,
// and the server would answer 503 for them. Builds only what is missing, so a restart stays quick;
// after an upgrade, `npm run build` rebuilds everything.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const pages = [
  "addin-outlook/dist/index.html",
  "addin-excel/dist/index.html",
  "addin-kit/dist/sign-in-dialog.html",
  "admin/dist/index.html",
];
const missing = pages.filter((page) => !existsSync(join(root, page)));
if (missing.length > 0) {
  console.log(`Building the add-ins and the admin page (missing: ${missing.join(", ")})…`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["run", "-s", "build"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exitCode = result.status ?? 1;
}
