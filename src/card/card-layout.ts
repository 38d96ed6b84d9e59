import type { CalendarDay } from '../views/study-calendar.ts';
import type { Colour } from './surface.ts';

/** The card's size and where its measurable parts sit; tests read the pixels back by these. */
export const cardLayout = {
  width: 800,
  height: 400,
  margin: 32,
  left: { x: 32, width: 456 },
  right: { x: 520, width: 248 },
  overallBar: { x: 32, y: 138, width: 456, height: 14 },
  /** The first part's bar; each further part is `partStep` lower. At most `maxParts` are drawn. */
  partBar: { x: 32, y: 192, width: 456, height: 10 },
  partStep: 46,
  maxParts: 4,
  calendar: { x: 520, y: 172, cell: 16, step: 20 },
} as const;

export const cardColours = {
  background: 0x2b2d31,
  track: 0x1e1f22,
  text: 0xf2f3f5,
  muted: 0xb5bac1,
  overall: 0x5865f2,
  freeze: 0x5bc0eb,
} as const satisfies Record<string, Colour>;

export const calendarColours: Record<Exclude<CalendarDay, 'future'>, Colour> = {
  studied: 0x3ba55c,
  frozen: 0x5bc0eb,
  missed: 0x3f4147,
  today: 0x80848e,
};
