import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Relative asset paths: the server mounts the built pane under /addins/<name>/.
export default defineConfig({
  base: "./",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
});
