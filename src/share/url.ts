/**
 * Where the payload sits in a URL: the fragment, `#s=<payload>`, so it never reaches a server and
 * other query parameters (`?embed`) stay free. The CLI and the page build links with linkPath, so
 * both print the same thing.
 */
import { decodeLink, decodePayload, encodeLink } from "./codec";
import { legacyPayload, type DecodeResult, type LinkState } from "./payload";

export const HASH_PREFIX = "#s=";

export function linkHash(state: LinkState): string {
  return `${HASH_PREFIX}${encodeLink(state)}`;
}

/** Path and fragment of a link, e.g. `/#s=q1YqU7Iy1FEqVrIyNNBRSlOyUkrLL8pVyC8tKSgtUdJRyk...` */
export function linkPath(state: LinkState, pathname = "/"): string {
  return `${pathname}${linkHash(state)}`;
}

export type ReadLink =
  /** Nothing in the URL chooses a state: the page opens as it is. */
  | { kind: "none" }
  | { kind: "link"; result: DecodeResult; legacy: boolean };

/** Read a location: the current `#s=` form first, then the first page's `?scenario=` form. */
export function readLink(location: { search: string; hash: string }): ReadLink {
  if (location.hash.startsWith(HASH_PREFIX)) {
    return { kind: "link", result: decodeLink(location.hash.slice(HASH_PREFIX.length)), legacy: false };
  }
  const legacy = legacyPayload(location.search);
  if (legacy) return { kind: "link", result: decodePayload(legacy), legacy: true };
  return { kind: "none" };
}

/** The query without the first page's link parameters (they move into the fragment); `?embed` stays as written. */
export function searchWithoutLegacy(search: string): string {
  const parts = search.replace(/^\?/, "").split("&").filter(Boolean);
  const kept = parts.filter((part) => !["scenario", "frame", "step"].includes(part.split("=")[0] ?? ""));
  return kept.length ? `?${kept.join("&")}` : "";
}
