/** Cuts `text` to at most `max` characters at a word boundary, ending with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const endsAtWord = /\s/.test(text[max - 1] ?? '');
  const lastSpace = room.search(/\s\S*$/);
  const cut = endsAtWord || lastSpace <= max / 2 ? room : room.slice(0, lastSpace);
  return `${cut.trimEnd()}…`;
}
