import { createRequire } from 'node:module';
import { openTrueType, type TrueTypeFont } from './truetype.ts';

/** The card's two faces: DejaVu Sans and DejaVu Sans Bold (npm dejavu-fonts-ttf; licence in README, "Progress card"). */
export interface Faces {
  regular: TrueTypeFont;
  bold: TrueTypeFont;
}

const loadFace = (file: string) => openTrueType(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`));

export function loadFaces(): Faces {
  return { regular: loadFace('DejaVuSans.ttf'), bold: loadFace('DejaVuSans-Bold.ttf') };
}
