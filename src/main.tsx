import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./index.css";
import { useLab } from "./store/labStore";
import { applyUrl, syncUrl } from "./store/url";
import { App } from "./ui/App";

const rootElement = document.getElementById("root");
if (!rootElement) {
  throw new Error("FullResync Lab: missing #root element in index.html");
}

// The URL picks the scenario, frame and step size; from then on the URL follows the store.
applyUrl(useLab, window.location);
syncUrl(useLab, window);

createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
