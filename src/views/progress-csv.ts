import type { ExportRow } from '../progress/export-row.ts';

/** A CSV field: quoted when it holds a comma, quote or line break (RFC 4180), and never read as a formula by a spreadsheet. */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const exportColumns = [
  'user_id',
  'lessons_done',
  'lessons',
  'percent',
  'streak_days',
  'quiz_right',
  'quiz_questions',
  'last_studied',
] as const;

/** The organisers' export: a header and one line per learner, CRLF line ends as RFC 4180 has them. */
export function progressCsv(rows: readonly ExportRow[]): string {
  const lines = rows.map((row) =>
    [
      row.userId,
      String(row.lessonIds.length),
      row.lessonIds.join(' '),
      String(row.percent),
      String(row.streak),
      String(row.quizKnown),
      String(row.quizTotal),
      row.lastStudied?.toISOString() ?? '',
    ]
      .map(field)
      .join(','),
  );
  return [exportColumns.join(','), ...lines].join('\r\n') + '\r\n';
}
