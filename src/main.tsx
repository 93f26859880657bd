import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./index.css";
import { useLab } from "./store/labStore";
import { startUrlSync } from "./store/url";
import { App } from "./ui/App";
import { registerNarration } from "./scenarios/narration";
import { reportUrl } from "./ui/share/notify";

const rootElement = document.getElementById("root");
if (!rootElement) {
  throw new Error("FullResync Lab: missing #root element in index.html");
}

// The URL picks the moment (scenario, edits, frame, step size, language, panels); from then on the
// URL follows the store, and Back/Forward bring earlier scenarios and edits back.
startUrlSync(useLab, window, reportUrl);

createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The catalogue's narration is most of its weight: it follows the first render.
void import("virtual:catalogue-narration").then((m) => registerNarration(m.default));
