/** Save a Blob as a file: an object URL on a temporary link (no data: URLs, nothing inline; CSP-safe). */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference by now; give slow browsers a moment anyway.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name part from an id or text: letters, digits, '-' and '_' only. */
export function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "scenario";
}
