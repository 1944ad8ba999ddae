import { languageOf } from "@rapport/addin-kit";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AdminApp } from "./admin-app.tsx";

// The admin page runs in a plain browser: its language and theme are the browser's.
const language = languageOf(navigator.language);
document.documentElement.lang = language;
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AdminApp language={language} />
    </StrictMode>,
  );
}
