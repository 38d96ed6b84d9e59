import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { courseJsonSchemaPath, courseJsonSchemaText } from '../../src/course/json-schema.ts';
import { lessonChoiceName } from '../../src/course/limits.ts';
import { CourseError, defaultCoursePath, loadCourse, parseCourse } from '../../src/course/load-course.ts';

const shipped = JSON.parse(readFileSync(defaultCoursePath, 'utf8'));

/** Parses an edited copy of the shipped outline and returns the problems reported. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the edits break the outline's shape on purpose
function problemsAfter(edit: (outline: any) => void): string[] {
  const outline = structuredClone(shipped);
  edit(outline);
  try {
    parseCourse(JSON.stringify(outline), 'data/course.json');
  } catch (error) {
    expect(error).toBeInstanceOf(CourseError);
    expect((error as CourseError).message).toContain('data/course.json');
    return (error as CourseError).problems;
  }
  throw new Error('the edited outline was accepted');
}

describe('the shipped course outline', () => {
  it("passes validation with both written parts in the notes' order", () => {
    const course = loadCourse();
    expect(course.parts.map((part) => [part.id, part.lessons.length])).toEqual([
      ['mlops1', 11],
      ['mlops2', 7],
    ]);
    expect(course.lessons[0]?.id).toBe('linux');
    expect(course.lessons.at(-1)?.id).toBe('feature-store');
    expect(course.lessonById('containers')?.part.id).toBe('mlops1');
  });

  it('keeps every lesson title, with its part, inside an autocomplete choice name', () => {
    for (const lesson of loadCourse().lessons) expect(lessonChoiceName(lesson.part.title, lesson.title).length).toBeLessThanOrEqual(100);
  });

  it('references a JSON Schema that matches the zod schema it is generated from', () => {
    expect(shipped.$schema).toBe('./course.schema.json');
    expect(readFileSync(courseJsonSchemaPath, 'utf8')).toBe(courseJsonSchemaText());
  });
});

describe('an invalid outline is refused with the file, the path and the rule', () => {
  it('names a missing field', () => {
    expect(problemsAfter((o) => delete o.parts[1].lessons[3].practice)).toEqual([
      expect.stringMatching(/^parts\[1\]\.lessons\[3\]\.practice: .*(required|expected string)/i),
    ]);
  });

  it('names a duplicate id and where it was first used', () => {
    expect(problemsAfter((o) => (o.parts[1].lessons[2].id = 'linux'))).toEqual([
      'parts[1].lessons[2].id: duplicate id "linux" (also used at parts.0.lessons.0)',
    ]);
  });

  it('names an over-long title', () => {
    const problems = problemsAfter((o) => (o.parts[0].lessons[1].title = 'x'.repeat(91)));
    expect(problems).toEqual([expect.stringMatching(/^parts\[0\]\.lessons\[1\]\.title: .*90/)]);
  });

  it('names a title that with its part would not fit an autocomplete choice', () => {
    const problems = problemsAfter((o) => {
      o.parts[0].title = 'p'.repeat(30);
      o.parts[0].lessons[0].title = 't'.repeat(70);
    });
    expect(problems).toEqual([expect.stringMatching(/^parts\[0\]\.lessons\[0\]\.title: .*autocomplete choice: at most 100 characters \(got 103\)$/)]);
  });

  it('names a lesson whose embed would pass 6000 characters in all', () => {
    const problems = problemsAfter((o) => {
      o.parts[1].lessons[0].summary = 'word '.repeat(599) + 'end.';
      o.parts[1].lessons[0].practice = 'task '.repeat(199) + 'done';
      o.parts[1].lessons[0].keyTopics = Array.from({ length: 10 }, (_, i) => `${i} ${'t'.repeat(85)}`);
      o.parts[1].lessons[0].selfCheck = Array.from({ length: 4 }, (_, i) => `${i} ${'q'.repeat(230)}?`);
    });
    expect(problems).toEqual([
      expect.stringMatching(/^parts\[1\]\.lessons\[0\]: the lesson's embed must stay under 6000 characters in all \(got 6\d{3}\)$/),
    ]);
  });

  it('names a malformed slug and too few self-check questions', () => {
    const problems = problemsAfter((o) => {
      o.parts[0].lessons[4].id = 'Functional Testing';
      o.parts[0].lessons[4].selfCheck = ['Only one?'];
    });
    expect(problems).toEqual([
      expect.stringMatching(/^parts\[0\]\.lessons\[4\]\.id: must be a lowercase slug/),
      expect.stringMatching(/^parts\[0\]\.lessons\[4\]\.selfCheck: .*2/),
    ]);
  });

  it('reports bad JSON as such, with where it broke', () => {
    expect(() => parseCourse('{"id": "mlops", ', 'data/course.json')).toThrow(
      /data\/course\.json is invalid:\n {2}- not valid JSON: .*position|JSON/,
    );
  });

  it('reports a file that cannot be read', () => {
    expect(() => loadCourse('/nonexistent/course.json')).toThrow(/\/nonexistent\/course\.json is invalid:\n {2}- cannot be read: ENOENT/);
  });

  it('accepts a new part added by editing data alone', () => {
    const outline = structuredClone(shipped);
    outline.parts.push({
      id: 'mlops3',
      title: 'MLOps3',
      objective: 'Serve models.',
      lessons: [
        {
          ...outline.parts[0].lessons[0],
          id: 'model-serving',
          title: 'Model Serving',
          quiz: outline.parts[0].lessons[0].quiz.map((question: { id: string }) => ({ ...question, id: `serving-${question.id}` })),
        },
      ],
    });
    const course = parseCourse(JSON.stringify(outline), 'data/course.json');
    expect(course.lessons.at(-1)).toMatchObject({ id: 'model-serving', index: 18, part: { id: 'mlops3', index: 2 } });
  });

  it('gives every lesson a quiz of 4 to 6 questions, each with 3 or 4 distinct options, one answer among them and an explanation', () => {
    const course = loadCourse();
    for (const lesson of course.lessons) {
      expect(lesson.quiz.length).toBeGreaterThanOrEqual(4);
      expect(lesson.quiz.length).toBeLessThanOrEqual(6);
      for (const question of lesson.quiz) {
        expect(new Set(question.options).size).toBe(question.options.length);
        expect(question.options[question.answer]).toBeDefined();
        expect(question.explanation.length).toBeGreaterThan(20);
      }
    }
    const ids = course.lessons.flatMap((lesson) => lesson.quiz.map((question) => question.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names a quiz answer outside its options, a repeated option, a duplicate question id and an option too long for a button', () => {
    const problems = problemsAfter((o) => {
      o.parts[0].lessons[1].quiz[0].answer = 4;
      o.parts[0].lessons[1].quiz[1].options[2] = o.parts[0].lessons[1].quiz[1].options[0];
      o.parts[1].lessons[0].quiz[0].id = o.parts[0].lessons[0].quiz[0].id;
      o.parts[1].lessons[1].quiz[2].options[0] = 'x'.repeat(81);
    });
    expect(problems).toEqual([
      expect.stringMatching(/^parts\[0\]\.lessons\[1\]\.quiz\[0\]\.answer: must name one of the \d options/),
      expect.stringMatching(/^parts\[0\]\.lessons\[1\]\.quiz\[1\]\.options\[2\]: repeats an earlier option/),
      expect.stringMatching(/^parts\[1\]\.lessons\[1\]\.quiz\[2\]\.options\[0\]: .*76/),
      expect.stringMatching(/^parts\[1\]\.lessons\[0\]\.quiz\[0\]\.id: duplicate id ".*" \(also used at parts\.0\.lessons\.0\.quiz\.0\)/),
    ]);
  });

  it('names a lesson without a quiz, or with too few questions', () => {
    const problems = problemsAfter((o) => {
      delete o.parts[0].lessons[2].quiz;
      o.parts[0].lessons[3].quiz = o.parts[0].lessons[3].quiz.slice(0, 3);
    });
    expect(problems).toEqual([
      expect.stringMatching(/^parts\[0\]\.lessons\[2\]\.quiz: /),
      expect.stringMatching(/^parts\[0\]\.lessons\[3\]\.quiz: .*4/),
    ]);
  });
});
