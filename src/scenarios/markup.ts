/**
 * The one markup rule (docs/scenario-format.md): texts that look like HTML or script. The page
 * renders every text as text (React, never innerHTML), so such a string could do no harm here; it
 * is refused anyway because a link or file carrying one was made to attack something, and a
 * teaching scenario never needs it. The validator applies it to every text of a scenario, so a
 * file, a link, the CLI and a lecture window refuse the same texts.
 *
 * Refused: a known HTML element (`<div`, `<p`, `<script`, …), any tag with an attribute
 * (`<x a=1>`, `<span/onmouseover=…>`), a closing tag (`</x>`, so paired custom tags), a comment or
 * declaration (`<!`, `<?`), and script URLs. Kept: the catalogue's placeholders — a bare `<word>`
 * such as `+FULLRESYNC <replid> 0`, `$EOF:<mark>`, `<unknown-slave-port>` — and plain `<`, `>`.
 */
const ELEMENT =
  /<\s*(script|i?frame|img|image|svg|math|object|embed|applet|style|link|meta|base|form|input|button|textarea|select|option|a|body|html|head|video|audio|source|template|details|dialog|marquee|blink|noscript|div|span|p|b|i|u|s|em|strong|font|center|br|hr|pre|code|ul|ol|li|table|tr|td|th|h[1-6]|section|article|nav|header|footer|main|label|canvas|picture|slot|portal|xmp|plaintext|listing)\b/i;
/** `<name` then whitespace or `/`, then anything up to `=` before the tag ends: an attribute. */
const ATTRIBUTE = /<\s*[a-z][\w:.-]*[\s/]+[^<>]*=/i;
const CLOSING = /<\s*\/\s*[a-z]/i;
const DECLARATION = /<\s*[!?]/;
const SCRIPT_URL = /\b(javascript|vbscript)\s*:|\bdata\s*:\s*text\/html/i;

export function looksLikeMarkup(text: string): boolean {
  return ELEMENT.test(text) || ATTRIBUTE.test(text) || CLOSING.test(text) || DECLARATION.test(text) || SCRIPT_URL.test(text);
}

/**
 * The path of the first string (key or value) in `value` that looks like markup, or null.
 * Iterative, so a deeply nested hostile document cannot overflow the stack.
 */
export function findMarkup(value: unknown, root = ""): string | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length) {
    const [item, path] = stack.pop() as [unknown, string];
    if (typeof item === "string") {
      if (looksLikeMarkup(item)) return path || "(text)";
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], `${path}[${i}]`]);
    } else if (item && typeof item === "object") {
      const keys = Object.keys(item);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        const at = path ? `${path}.${key}` : key;
        if (looksLikeMarkup(key)) return at;
        stack.push([(item as Record<string, unknown>)[key], at]);
      }
    }
  }
  return null;
}
