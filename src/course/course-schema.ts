import * as z from 'zod';
import { courseLimits as limits, lessonChoiceName, lessonEmbedLength, slugPattern } from './limits.ts';

const slug = z
  .string()
  .max(limits.idLength)
  .regex(slugPattern, 'must be a lowercase slug such as "bash-scripting"')
  .describe('A stable id: lowercase letters, digits and single hyphens. Progress is stored by it, so never change it once published.');

const text = (max: number, description: string) => z.string().trim().min(1, 'must not be empty').max(max).describe(description);

/** Between `count.min` and `count.max` texts of at most `max` characters each. */
const texts = (max: number, count: { min: number; max: number }, item: string, description: string) =>
  z.array(text(max, item)).min(count.min).max(count.max).describe(description);

const quizQuestionSchema = z
  .strictObject({
    id: z
      .string()
      .max(limits.questionId)
      .regex(slugPattern, 'must be a lowercase slug such as "linux-chmod-octal"')
      .describe("A stable id, unique in the course: each learner's review of the question is stored under it, so never change it once published."),
    question: text(limits.quizQuestion, 'The question, answerable from the lesson by someone who understood it.'),
    options: texts(limits.quizOption, limits.quizOptions, 'An option: a button label.', 'Three or four options; exactly one is right.'),
    answer: z.number().int().min(0).describe('The position of the one right option, counting from 0.'),
    explanation: text(limits.quizExplanation, 'Why the right option is right, shown after answering.'),
  })
  .superRefine((question, ctx) => {
    if (question.answer >= question.options.length)
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message: `must name one of the ${question.options.length} options (0 to ${question.options.length - 1})`,
      });
    const seen = new Set<string>();
    question.options.forEach((option, i) => {
      if (seen.has(option.toLowerCase())) ctx.addIssue({ code: 'custom', path: ['options', i], message: `repeats an earlier option ("${option}")` });
      seen.add(option.toLowerCase());
    });
  });

const lessonSchema = z.strictObject({
  id: slug,
  title: text(limits.lessonTitle, 'The lesson title, shown in autocomplete with its part.'),
  summary: text(limits.summary, 'What the lesson is about and why it matters, in a few sentences.'),
  keyTopics: texts(limits.keyTopic, limits.keyTopics, 'A key topic, a short noun phrase.', 'The key topics; searched by /lesson autocomplete.'),
  practice: text(limits.practice, 'One hands-on practice task with a checkable result.'),
  selfCheck: texts(
    limits.selfCheckQuestion,
    limits.selfCheck,
    'A self-check question.',
    'Two to four self-check questions: open prompts, shown with the lesson.',
  ),
  quiz: z.array(quizQuestionSchema).min(limits.quiz.min).max(limits.quiz.max).describe('The graded quiz: four to six multiple-choice questions.'),
});

const partSchema = z.strictObject({
  id: slug,
  title: text(limits.partTitle, 'The part title, for example "MLOps1".'),
  objective: text(limits.objective, 'What a learner can do after the part.'),
  lessons: z.array(lessonSchema).min(1).describe('The lessons in the order they are studied.'),
});

export const courseSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: slug,
    title: text(limits.partTitle, 'The course title.'),
    parts: z.array(partSchema).min(1).describe('The parts in order; add a part by appending one here.'),
  })
  .superRefine((course, ctx) => {
    const seen = new Map<string, string>();
    const claim = (id: string, path: (string | number)[]) => {
      const where = path.join('.');
      const earlier = seen.get(id);
      if (earlier) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate id "${id}" (also used at ${earlier})` });
      else seen.set(id, where);
    };
    course.parts.forEach((part, p) => {
      claim(part.id, ['parts', p]);
      part.lessons.forEach((lesson, l) => {
        const path = ['parts', p, 'lessons', l];
        claim(lesson.id, path);
        lesson.quiz.forEach((question, q) => claim(question.id, [...path, 'quiz', q]));
        const choice = lessonChoiceName(part.title, lesson.title);
        if (choice.length > limits.choiceName)
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'title'],
            message: `title with its part ("${choice}") must fit an autocomplete choice: at most ${limits.choiceName} characters (got ${choice.length})`,
          });
        const embed = lessonEmbedLength(part.title, lesson);
        if (embed > limits.embedTotal)
          ctx.addIssue({ code: 'custom', path, message: `the lesson's embed must stay under ${limits.embedTotal} characters in all (got ${embed})` });
      });
    });
  });

export type CourseData = z.infer<typeof courseSchema>;
export type LessonData = z.infer<typeof lessonSchema>;
export type PartData = z.infer<typeof partSchema>;
export type QuizQuestionData = z.infer<typeof quizQuestionSchema>;
