/**
 * JSON text in pieces, equal when joined to JSON.stringify(value): arrays and objects are opened
 * down to a few levels and their items written one by one, so a large trace is never one string
 * (a string has a length limit, about 512 MiB in V8, that a long run's JSON passes).
 */
const MAX_DEPTH = 5;

const isContainer = (v: unknown): v is object => typeof v === "object" && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== "function";

export function* jsonPieces(value: unknown, depth = 0): Generator<string> {
  if (!isContainer(value) || depth >= MAX_DEPTH) {
    // What JSON.stringify writes for this value at the top level (undefined and functions: nothing).
    const text = JSON.stringify(value);
    if (text !== undefined) yield text;
    return;
  }
  if (Array.isArray(value)) {
    yield "[";
    for (let k = 0; k < value.length; k++) {
      if (k) yield ",";
      const item: unknown = value[k];
      // Inside an array, what JSON.stringify cannot write becomes null.
      if (item === undefined || typeof item === "function" || typeof item === "symbol") yield "null";
      else yield* jsonPieces(item, depth + 1);
    }
    yield "]";
    return;
  }
  yield "{";
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    // Inside an object, such members are left out.
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    yield `${first ? "" : ","}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonPieces(item, depth + 1);
  }
  yield "}";
}
