import { defineConfig } from "vite";

// The kit builds one page of its own: Office's sign-in dialog, served under /addins/kit/.
export default defineConfig({
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    rollupOptions: { input: { "sign-in-dialog": "sign-in-dialog.html" } },
  },
});
