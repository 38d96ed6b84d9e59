/** One learner's row of the organisers' export. */
export interface ExportRow {
  userId: string;
  lessonIds: string[];
  percent: number;
  streak: number;
  /** Questions right at the learner's last answer, of all the course's. */
  quizKnown: number;
  quizTotal: number;
  lastStudied: Date | undefined;
}
