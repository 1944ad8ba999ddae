import { Text } from "@fluentui/react-components";
import { languageOf, officeReady, PaneShell } from "@rapport/addin-kit";
import { createRoot } from "react-dom/client";

const host = await officeReady();
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <PaneShell dark={host.dark} language={languageOf(host.language)}>
      <Text>Rapport for Outlook</Text>
    </PaneShell>,
  );
}
