import { languageOf, officeReady, PaneShell } from "@rapport/addin-kit";
import { createRoot } from "react-dom/client";
import { App } from "./ui/app.tsx";

const host = await officeReady();
const root = document.getElementById("root");
if (root) {
  const language = languageOf(host.language);
  createRoot(root).render(
    <PaneShell dark={host.dark} language={language}>
      <App language={language} insideExcel={host.host === "Excel"} />
    </PaneShell>,
  );
}
