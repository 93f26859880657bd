/**
 * Texts that look like HTML or script. The page renders every text as text (React, never
 * innerHTML), so such a string could do no harm here; it is refused anyway because a link or file
 * carrying one was made to attack something, and a teaching scenario never needs it. Plain angle
 * brackets stay allowed: the catalogue writes `+FULLRESYNC <replid> 0`.
 */
const TAG =
  /<\s*\/?\s*(script|iframe|frame|frameset|img|image|svg|math|object|embed|applet|style|link|meta|base|form|input|button|textarea|select|a|body|html|head|video|audio|source|track|template|details|dialog|marquee|noscript)\b/i;
const HANDLER = /<[^>]*\son[a-z]+\s*=/i;
const SCRIPT_URL = /\b(javascript|vbscript)\s*:|\bdata\s*:\s*text\/html/i;

function looksLikeMarkup(text: string): boolean {
  return TAG.test(text) || HANDLER.test(text) || SCRIPT_URL.test(text);
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
