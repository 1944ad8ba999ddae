import { languageOf, officeReady, PaneShell } from "@rapport/addin-kit";
import { createRoot } from "react-dom/client";
import { Pane } from "./ui/pane.tsx";

const host = await officeReady();
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <PaneShell dark={host.dark} language={languageOf(host.language)}>
      <Pane inOutlook={host.host !== null} language={languageOf(host.language)} serverUrl={location.origin} />
    </PaneShell>,
  );
}
