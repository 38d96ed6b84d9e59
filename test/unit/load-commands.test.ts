import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommandLoadError, loadCommands } from '../../src/interactions/load-commands.ts';

const projectRoot = new URL('../../', import.meta.url).pathname;

function commandsFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'study-commands-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('loading commands from commands/', () => {
  it('loads every shipped command by name', async () => {
    const commands = await loadCommands();
    expect([...commands.keys()]).toContain('course');
    for (const command of commands.values()) expect(command.data.description.length).toBeGreaterThan(0);
  });

  it('names the file and the broken part of a module without { data, execute }', async () => {
    const dir = commandsFolder({ 'broken.ts': "export default { data: { name: 'Broken Name', description: 'x' } };\n" });
    const attempt = loadCommands(dir);
    await expect(attempt).rejects.toThrow(CommandLoadError);
    await expect(attempt).rejects.toThrow(
      /broken\.ts must export default \{ data, execute \} satisfies Command: data\.name: must be 1 to 32 lowercase.*; execute: must be a function/,
    );
  });

  it('refuses two commands with one name', async () => {
    const module = "export default { data: { name: 'same', description: 'x' }, async execute() {} };\n";
    await expect(loadCommands(commandsFolder({ 'a.ts': module, 'b.ts': module }))).rejects.toThrow(/b\.ts: a second command named "same"/);
  });
});

describe('loading from the compiled build', () => {
  it('leaves out a compiled command whose source is gone, so a renamed command does not load twice', async () => {
    const built = join(projectRoot, 'dist', 'commands');
    const stale = join(built, 'renamed-long-ago.js');
    mkdirSync(built, { recursive: true });
    writeFileSync(stale, "export default { data: { name: 'lesson', description: 'an old copy' }, async execute() {} };\n");
    try {
      const commands = await loadCommands(built);
      expect(commands.get('lesson')?.data.description).not.toBe('an old copy');
    } finally {
      rmSync(stale);
    }
  });
});
