/** A distinct embed colour per part, repeating after eight parts. */
const palette = [0x3b82f6, 0x10b981, 0xf59e0b, 0x8b5cf6, 0xef4444, 0x06b6d4, 0xec4899, 0x84cc16];

export function partColour(partIndex: number): number {
  return palette[partIndex % palette.length]!;
}
