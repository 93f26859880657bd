import type { Plugin } from 'vite';

/**
 * The built page needs no inline styles, so index.html's Content-Security-Policy allows none
 * (`style-src 'self'`: no `style` attributes, no <style> elements; e2e/export.spec.ts listens for
 * violations). Vite's dev server, though, injects each CSS module as a <style> element to reload it
 * in place; under `vite` (serve) only, the policy allows inline styles so the page is styled.
 */
export function devInlineStyles(): Plugin {
  return {
    name: 'fullresync-dev-inline-styles',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");
    },
  };
}
