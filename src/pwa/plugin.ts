/**
 * Installable and offline (docs/architecture.md §7). vite-plugin-pwa writes the web app manifest and, with
 * Workbox's generateSW, a service worker that precaches every file of the build: index.html, all
 * JS and CSS chunks including the lazily loaded ones (the Chinese dictionaries, the catalogue's
 * narration, the sandbox, the probe, embed and export), and the icons. Navigations are answered
 * with the cached index.html, so `/?embed…#s=…` opens offline too. Registration: ./register.ts.
 *
 * Updates: a new service worker waits until every tab of the lab is closed (no skipWaiting), so a
 * page that is open never loses the chunks it may still load lazily.
 */
import type { Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const THEME_COLOUR = "#4338ca";
const BACKGROUND = "#f1f5f9";

/** <meta name="theme-color"> and the Apple touch icon, which the manifest alone does not give. */
function headTags(): Plugin {
  return {
    name: "fullresync-pwa-head",
    transformIndexHtml: () => [
      { tag: "meta", attrs: { name: "theme-color", content: THEME_COLOUR }, injectTo: "head" },
      { tag: "link", attrs: { rel: "apple-touch-icon", href: "/icons/apple-touch-icon.png" }, injectTo: "head" },
    ],
  };
}

export function pwa(): Plugin[] {
  return [
    headTags(),
    ...VitePWA({
      // main.tsx registers the worker itself (./register.ts), only in production builds.
      injectRegister: false,
      registerType: "prompt",
      strategies: "generateSW",
      filename: "sw.js",
      manifestFilename: "manifest.webmanifest",
      includeAssets: ["favicon.svg", "icons/*.png", "icons/*.svg"],
      manifest: {
        id: "/",
        name: "FullResync Lab",
        short_name: "FullResync",
        description: "An interactive lab that teaches how a Redis 4.0.14 primary starts a BGSAVE to fully resynchronise a replica.",
        lang: "en",
        start_url: "/",
        scope: "/",
        display: "standalone",
        orientation: "any",
        theme_color: THEME_COLOUR,
        background_color: BACKGROUND,
        categories: ["education", "developer"],
        icons: [
          { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
          { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        // Everything the build wrote (public/ included): the app works with the network off after one visit.
        globPatterns: ["**/*.{html,js,css,svg,png,ico,webmanifest,woff2,json,txt}"],
        navigateFallback: "/index.html",
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: false,
        // The largest chunk is well below this; the limit only guards against a mistake.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        sourcemap: false,
      },
      devOptions: { enabled: false },
    }),
  ];
}
