import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { build, defineConfig, type Plugin } from "vite";

const root = import.meta.dirname;

/**
 * Classic Outlook on Windows runs the on-send handler from one JavaScript file it loads directly,
 * with no HTML and no module loader: launchevent.js is therefore built apart, as one script with
 * everything inside and a fixed name the manifest can point at. commands.html (the other runtimes)
 * loads the same file, with its content hash in the URL so a new build is never served from a cache.
 */
function launchEventScript(): Plugin {
  return {
    name: "rapport-launchevent",
    apply: "build",
    async closeBundle() {
      await build({
        configFile: false,
        root,
        logLevel: "warn",
        // Library mode leaves process.env alone; nothing in this script may run a development build of anything.
        define: { "process.env.NODE_ENV": JSON.stringify("production") },
        build: {
          outDir: resolve(root, "dist"),
          emptyOutDir: false,
          target: "es2020",
          lib: {
            entry: resolve(root, "src/launchevent.ts"),
            formats: ["iife"],
            name: "RapportLaunchEvent",
            fileName: () => "launchevent.js",
          },
        },
      });
      const dist = resolve(root, "dist");
      const hash = createHash("sha256")
        .update(readFileSync(resolve(dist, "launchevent.js")))
        .digest("hex")
        .slice(0, 12);
      const commands = resolve(dist, "commands.html");
      const tag = `<script src="./launchevent.js?v=${hash}"></script>`;
      // Added after Vite's own HTML pass, which would not leave a classic (non-module) script alone.
      writeFileSync(commands, readFileSync(commands, "utf8").replace(/<!-- launchevent\.js:[^>]*-->/, tag));
    },
  };
}

// Relative asset paths: the server mounts the built pane under /addins/outlook/.
export default defineConfig({
  base: "./",
  plugins: [react(), launchEventScript()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // DESIGN.md's budget is 300 KB gzipped (npm run bench reports it), not Vite's 500 kB unzipped.
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      // The task pane and the function file (commands.html) the manifest names.
      input: { index: resolve(root, "index.html"), commands: resolve(root, "commands.html") },
    },
  },
});
