import { StartError } from '../util/start-error.ts';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as z from 'zod';
import { formatPath } from '../course/load-course.ts';
import type { Command } from './handler.ts';
import { handlerFiles } from './handler-files.ts';

const commandsDir = fileURLToPath(new URL('../../commands/', import.meta.url));

const isFunction = (value: unknown) => typeof value === 'function';
const commandShape = z.object({
  data: z.looseObject({
    name: z.string().regex(/^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u, 'must be 1 to 32 lowercase letters, digits, - or _'),
    description: z.string().min(1).max(100),
  }),
  execute: z.custom(isFunction, 'must be a function'),
  autocomplete: z.custom(isFunction, 'must be a function').optional(),
});

export class CommandLoadError extends StartError {
  override name = 'CommandLoadError';
}

/** Imports every command module in `dir`, checking each default export's shape and that names are unique. */
export async function loadCommands(dir = commandsDir): Promise<Map<string, Command>> {
  const commands = new Map<string, Command>();
  for (const path of handlerFiles(dir)) {
    const exported: unknown = (await import(pathToFileURL(path).href)).default;
    const checked = commandShape.safeParse(exported);
    if (!checked.success) {
      const problems = checked.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; ');
      throw new CommandLoadError(`${path} must export default { data, execute } satisfies Command: ${problems}`);
    }
    const command = exported as Command;
    if (commands.has(command.data.name)) throw new CommandLoadError(`${path}: a second command named "${command.data.name}"`);
    commands.set(command.data.name, command);
  }
  return commands;
}
