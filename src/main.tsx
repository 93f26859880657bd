import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import "./index.css";
import { useLab } from "./store/labStore";
import { startUrlSync } from "./store/url";
import { App } from "./ui/App";
import { registerNarration } from "./scenarios/narration";
import { reportUrl } from "./ui/share/notify";
import { isEmbed } from "./ui/embed/isEmbed";
import { Diagram } from "./ui/diagram/Diagram";
import { ExplanationPanel } from "./ui/explain/ExplanationPanel";
import { Notice } from "./ui/layout/Notice";
import { ReadyGate } from "./ui/layout/Computing";
import { registerServiceWorker } from "./pwa/register";
import { applyDocumentLang } from "./ui/hooks/useDocumentLang";
import { applyThemeNow } from "./ui/hooks/useTheme";

// `?embed`: the diagram, the explanation and a step control for a range of frames (loaded on use).
const EmbedApp = lazy(() => import("./ui/embed/EmbedApp"));

// User Timing marks of the start-up phases, read by `npm run bench`: every module has been
// evaluated (the store built; the first trace is computed in the simulation worker) …
performance.mark("lab:modules-evaluated");

const rootElement = document.getElementById("root");
if (!rootElement) {
  throw new Error("FullResync Lab: missing #root element in index.html");
}

// The URL picks the moment (scenario, edits, frame, step size, language, panels); from then on the
// URL follows the store, and Back/Forward bring earlier scenarios and edits back.
startUrlSync(useLab, window, reportUrl);

// Theme and language on <html> before the first render: set later, they would restyle the page.
applyThemeNow(useLab.getState().theme);
applyDocumentLang(useLab.getState().lang);

createRoot(rootElement).render(
  <StrictMode>
    <ReadyGate>
      {isEmbed(window.location.search) ? (
        <Suspense fallback={null}>
          <EmbedApp parts={{ Diagram, ExplanationPanel, Notice }} />
        </Suspense>
      ) : (
        <App />
      )}
    </ReadyGate>
  </StrictMode>,
);

// The catalogue's narration is most of its weight: it follows the first render.
void import("virtual:catalogue-narration").then((m) => registerNarration(m.default, m.versionNotes));

// Offline use: a service worker precaches the whole app (production builds only).
registerServiceWorker();
