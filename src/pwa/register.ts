/**
 * Offline use (docs/architecture.md §7: lecture halls lose Wi-Fi). The service worker (generated at build time by
 * vite-plugin-pwa / Workbox, see ./plugin.ts) precaches the whole built app. Only production
 * builds register it; the dev server never has one. Kept tiny: it is part of the first load.
 *
 * Registration waits until the first frame is on screen and the page is idle: installing the
 * worker fetches and caches every asset, and on a two-core laptop doing that during the first
 * render delays the moment a student can click by a sixth of a second (`npm run bench`).
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  let registered = false;
  const register = () => {
    if (registered) return;
    registered = true;
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL }).catch(() => {
      // No service worker (private mode, file://, an old browser): the lab still works online.
    });
  };
  const whenIdle = () => {
    // A tab opened in the background draws no frames: register after 5 s regardless.
    setTimeout(register, 5000);
    // Two frames: the first render has been painted. Then the first idle moment (at most 2 s).
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if ("requestIdleCallback" in window) window.requestIdleCallback(register, { timeout: 2000 });
        else setTimeout(register, 200);
      }),
    );
  };
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle, { once: true });
}
