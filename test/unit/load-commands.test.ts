import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommandLoadError, loadCommands } from '../../src/bot/load-commands.ts';

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
    await expect(attempt).rejects.toThrow(/broken\.ts must export default \{ data, execute \} satisfies Command: data\.name: must be 1 to 32 lowercase.*; execute: must be a function/);
  });

  it('refuses two commands with one name', async () => {
    const module = "export default { data: { name: 'same', description: 'x' }, async execute() {} };\n";
    await expect(loadCommands(commandsFolder({ 'a.ts': module, 'b.ts': module }))).rejects.toThrow(/b\.ts: a second command named "same"/);
  });
});
