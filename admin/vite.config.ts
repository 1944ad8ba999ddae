import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Relative asset paths: the server mounts the built page under /admin/.
export default defineConfig({
  base: "./",
  plugins: [react()],
  // The admin page opens in a browser, not in an Office pane: the panes' bundle budget does not apply.
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 1024 },
});
