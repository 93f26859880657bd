/** Whether the page is opened as an embed (`?embed`, with or without a value). Ships with the first load. */
export function isEmbed(search: string): boolean {
  return new URLSearchParams(search).has("embed");
}
