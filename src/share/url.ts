/**
 * Share links (provisional format; the sharing work replaces it with a compressed, versioned
 * payload). `#v1=<base64url(JSON)>` carries the scenario document; it round-trips exactly.
 */
export const SHARE_PREFIX = "#v1=";

function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(s: string): Uint8Array {
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4);
  const bin = atob(b64);
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
}

export function encodeSharePath(payload: unknown): string {
  return `/${SHARE_PREFIX}${toBase64Url(new TextEncoder().encode(JSON.stringify(payload)))}`;
}

export function decodeSharePath(path: string): unknown {
  const at = path.indexOf(SHARE_PREFIX);
  if (at < 0) throw new Error("not a share link");
  return JSON.parse(new TextDecoder().decode(fromBase64Url(path.slice(at + SHARE_PREFIX.length))));
}
