/** A text progress bar such as ▰▰▰▱▱▱▱▱▱▱, `width` cells, filled in proportion (rounded down). */
export function progressBar(done: number, total: number, width = 10): string {
  const filled = total === 0 ? 0 : Math.floor((done * width) / total);
  return '▰'.repeat(filled) + '▱'.repeat(width - filled);
}
