import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ButtonLoadError, loadButtonHandlers } from '../../src/interactions/load-buttons.ts';
import { buttonActionNames } from '../../src/ui/custom-id.ts';

function buttonsFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'study-buttons-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const handlerOf = (actions: string[]) => `export default { actions: ${JSON.stringify(actions)}, async execute() {} };\n`;

describe('loading button handlers from src/buttons/', () => {
  it('finds exactly one shipped handler for every action of the custom-id codec', async () => {
    const handlers = await loadButtonHandlers();
    expect([...handlers.keys()].sort()).toEqual([...buttonActionNames].sort());
  });

  it('refuses to start when an action of the codec has no handler, naming it', async () => {
    const attempt = loadButtonHandlers(buttonsFolder({ 'some.ts': handlerOf(buttonActionNames.filter((action) => action !== 'group')) }));
    await expect(attempt).rejects.toThrow(ButtonLoadError);
    await expect(attempt).rejects.toThrow(/for the button actions group$/);
  });

  it('refuses a second handler for one action, and an action the codec does not know', async () => {
    await expect(loadButtonHandlers(buttonsFolder({ 'a.ts': handlerOf([...buttonActionNames]), 'b.ts': handlerOf(['done']) }))).rejects.toThrow(
      /b\.ts: a second handler for the button action "done"/,
    );
    await expect(loadButtonHandlers(buttonsFolder({ 'a.ts': handlerOf([...buttonActionNames, 'explode']) }))).rejects.toThrow(
      /"explode" is not an action of src\/ui\/custom-id\.ts/,
    );
  });

  it('names the file whose export is not a button handler', async () => {
    await expect(loadButtonHandlers(buttonsFolder({ 'broken.ts': 'export default { execute() {} };\n' }))).rejects.toThrow(
      /broken\.ts must export default buttonHandler/,
    );
  });
});
