import type { CourseData, LessonData, QuizQuestionData } from './course-schema.ts';

export interface Part {
  id: string;
  title: string;
  objective: string;
  /** 0-based position of the part in the course. */
  index: number;
  lessons: Lesson[];
}

export interface Lesson extends LessonData {
  part: Part;
  /** 0-based position of the lesson in the whole course. */
  index: number;
}

export interface Course {
  id: string;
  title: string;
  parts: Part[];
  /** Every lesson in study order, across parts. */
  lessons: Lesson[];
  lessonById(id: string): Lesson | undefined;
  /** A quiz question by its id, with its lesson and its position in the lesson's quiz. */
  questionById(id: string): QuizQuestion | undefined;
}

export interface QuizQuestion extends QuizQuestionData {
  lesson: Lesson;
  /** 0-based position in the lesson's quiz. */
  index: number;
}

/** Links validated outline data into a course with positions and lookups. */
export function buildCourse(data: CourseData): Course {
  const lessons: Lesson[] = [];
  const parts = data.parts.map((partData, partIndex) => {
    const part: Part = { id: partData.id, title: partData.title, objective: partData.objective, index: partIndex, lessons: [] };
    for (const lessonData of partData.lessons) {
      const lesson: Lesson = { ...lessonData, part, index: lessons.length };
      part.lessons.push(lesson);
      lessons.push(lesson);
    }
    return part;
  });
  const byId = new Map(lessons.map((lesson) => [lesson.id, lesson]));
  const questions = new Map(
    lessons.flatMap((lesson) => lesson.quiz.map((question, index): [string, QuizQuestion] => [question.id, { ...question, lesson, index }])),
  );
  return { id: data.id, title: data.title, parts, lessons, lessonById: (id) => byId.get(id), questionById: (id) => questions.get(id) };
}
