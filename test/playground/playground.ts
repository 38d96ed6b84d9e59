import { resolve } from 'node:path';
import { CourseError, loadCourse } from '../../src/course/load-course.ts';
import { playgroundActions } from './playground-actions.ts';
import { servePlayground } from './playground-server.ts';
import { startPlaygroundWorld } from './playground-world.ts';

export interface PlaygroundOptions {
  /** Another course outline to preview (default: data/course.json). */
  coursePath?: string;
  /** The page's port on 127.0.0.1 (0: any free one). */
  port?: number;
  logLevel?: string;
}

/** Starts the real bot against the stand-in and serves the page; a broken course is shown on the page (and returned) instead. */
export async function startPlayground(options: PlaygroundOptions = {}) {
  let courseError: string | undefined;
  let course;
  try {
    course = options.coursePath ? loadCourse(resolve(options.coursePath)) : loadCourse();
  } catch (error) {
    if (!(error instanceof CourseError)) throw error;
    courseError = error.message;
  }
  const world = course ? await startPlaygroundWorld(course, options.logLevel) : undefined;
  const actions = world && playgroundActions(world);
  const page = await servePlayground(options.port ?? 0, world, actions, courseError);
  return {
    url: page.url,
    courseError,
    world,
    async close() {
      await page.close();
      await world?.close();
    },
  };
}
