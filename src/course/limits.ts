/**
 * Length limits for the course outline. They are chosen so that every Discord payload
 * built from a lesson stays inside Discord's own limits: an autocomplete choice name
 * (100), an embed field value (1024) and an embed's 6000-character total.
 */
export const courseLimits = {
  idLength: 40,
  partTitle: 36,
  objective: 300,
  lessonTitle: 90,
  summary: 3000,
  keyTopic: 90,
  keyTopics: { min: 3, max: 10 },
  practice: 1000,
  selfCheckQuestion: 240,
  selfCheck: { min: 2, max: 4 },
  /** A quiz question's id travels in its buttons' custom ids (100 characters with the rest). */
  questionId: 48,
  quizQuestion: 300,
  /** An option, with its letter ("A. "), is a button label: at most 80 characters. */
  quizOption: 76,
  quizOptions: { min: 3, max: 4 },
  quizExplanation: 400,
  quiz: { min: 4, max: 6 },
  choiceName: 100,
  embedTotal: 6000,
} as const;

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The autocomplete choice name for a lesson: its title with its part. */
export function lessonChoiceName(partTitle: string, lessonTitle: string): string {
  return `${lessonTitle} (${partTitle})`;
}

interface LessonText {
  title: string;
  summary: string;
  keyTopics: string[];
  practice: string;
  selfCheck: string[];
}

/**
 * The characters a full lesson embed uses: title, part line, "Lesson k of n", summary,
 * topics, practice and questions with their field names and list markers. The fixed
 * allowance covers field names, markers and the done mark.
 */
export function lessonEmbedLength(partTitle: string, lesson: LessonText): number {
  const fixedAllowance = 200;
  const listLength = (items: string[]) => items.reduce((sum, item) => sum + item.length + 4, 0);
  return (
    fixedAllowance +
    lesson.title.length +
    partTitle.length +
    lesson.summary.length +
    listLength(lesson.keyTopics) +
    lesson.practice.length +
    listLength(lesson.selfCheck)
  );
}
