/** A tiny C highlighter for the seed text: comments, strings, keywords. Returns plain tokens. */
export type TokenKind = "comment" | "string" | "keyword" | "number" | "plain";
export interface Token {
  kind: TokenKind;
  text: string;
}

const KEYWORDS = new Set(["int", "if", "else", "while", "return", "listIter", "listNode", "client", "rdbSaveInfo"]);

/** Tokenise every line; block comments may span lines. */
export function highlightC(lines: string[]): Token[][] {
  let inBlock = false;
  return lines.map((line) => {
    const out: Token[] = [];
    let i = 0;
    const push = (kind: TokenKind, text: string) => {
      if (!text) return;
      const prev = out[out.length - 1];
      if (prev && prev.kind === kind) prev.text += text;
      else out.push({ kind, text });
    };
    while (i < line.length) {
      if (inBlock) {
        const end = line.indexOf("*/", i);
        if (end < 0) {
          push("comment", line.slice(i));
          i = line.length;
        } else {
          push("comment", line.slice(i, end + 2));
          i = end + 2;
          inBlock = false;
        }
        continue;
      }
      const rest = line.slice(i);
      if (rest.startsWith("/*")) {
        inBlock = true;
        push("comment", "/*");
        i += 2;
      } else if (rest.startsWith("//")) {
        push("comment", rest);
        i = line.length;
      } else if (rest[0] === '"') {
        let j = 1;
        while (j < rest.length && rest[j] !== '"') j += rest[j] === "\\" ? 2 : 1;
        push("string", rest.slice(0, j + 1));
        i += j + 1;
      } else {
        const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
        if (word) {
          push(KEYWORDS.has(word[0]) ? "keyword" : "plain", word[0]);
          i += word[0].length;
        } else {
          push("plain", rest[0] as string);
          i += 1;
        }
      }
    }
    return out;
  });
}
