import { describe, expect, it } from 'vitest';
import { buildButtonId, ButtonIdError, parseButtonId, type ButtonAction } from '../../src/ui/custom-id.ts';

const owner = '123456789012345678';

describe('button ids', () => {
  it('round-trips every action through build and parse', () => {
    const buttons: ButtonAction[] = [
      { action: 'done', lessonId: 'bash-scripting', ownerId: owner },
      { action: 'undo', lessonId: 'linux', ownerId: owner },
      { action: 'open', lessonId: 'feature-store', ownerId: owner },
      { action: 'group', page: 3, ownerId: owner },
    ];
    for (const button of buttons) expect(parseButtonId(buildButtonId(button))).toEqual(button);
  });

  it("stays inside Discord's 100-character custom id", () => {
    expect(buildButtonId({ action: 'done', lessonId: 'a'.repeat(40), ownerId: '1'.repeat(20) }).length).toBeLessThanOrEqual(100);
  });

  it.each([
    ['an unknown version', 'sc0:done:linux:123456789012345678', /unknown version "sc0"/],
    ['an unknown action', 'sc1:delete:linux:123456789012345678', /unknown action "delete"/],
    ['a missing field', 'sc1:done:linux', /expected 2 fields, got 1/],
    ['an extra field', 'sc1:done:linux:123456789012345678:x', /expected 2 fields, got 3/],
    ['a tampered owner', 'sc1:done:linux:not-a-user', /ownerId/],
    ['a tampered lesson id', 'sc1:open:../../etc:123456789012345678', /lessonId/],
    ['a negative page', 'sc1:group:-1:123456789012345678', /page/],
    ['an empty id', '', /unknown version ""/],
  ])('refuses %s with a typed error', (_case, customId, reason) => {
    expect(() => parseButtonId(customId)).toThrow(ButtonIdError);
    expect(() => parseButtonId(customId)).toThrow(reason);
  });
});
