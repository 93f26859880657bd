/**
 * Offline use (SPEC §7: lecture halls lose Wi-Fi). The service worker (generated at build time by
 * vite-plugin-pwa / Workbox, see ./plugin.ts) precaches the whole built app. Only production
 * builds register it; the dev server never has one. Kept tiny: it is part of the first load.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL }).catch(() => {
      // No service worker (private mode, file://, an old browser): the lab still works online.
    });
  };
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
