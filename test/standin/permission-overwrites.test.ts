import { PermissionFlagsBits as P } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { type PermissionOverwrite, applyOverwrites, overwritesJson } from './world/permission-overwrites.ts';
import { ALL_PERMISSIONS } from './world/permissions.ts';

const GUILD = 'guild-1';
const HELPERS = 'role-helpers';
const MUTED = 'role-muted';
const ada = { guildId: GUILD, userId: 'user-ada', roleIds: [HELPERS, MUTED] };
const base = P.ViewChannel | P.SendMessages | P.EmbedLinks;

const everyone = (overwrite: Omit<PermissionOverwrite, 'id' | 'type'>): PermissionOverwrite => ({ id: GUILD, type: 'role', ...overwrite });
const role = (id: string, overwrite: Omit<PermissionOverwrite, 'id' | 'type'>): PermissionOverwrite => ({ id, type: 'role', ...overwrite });
const member = (id: string, overwrite: Omit<PermissionOverwrite, 'id' | 'type'>): PermissionOverwrite => ({ id, type: 'member', ...overwrite });

describe("channel permissions by Discord's overwrite algorithm", () => {
  test('without overwrites the guild-level permissions apply', () => {
    expect(applyOverwrites(base, [], ada)).toBe(base);
  });

  test("@everyone's overwrite applies to every member", () => {
    expect(applyOverwrites(base, [everyone({ deny: P.SendMessages })], ada)).toBe(P.ViewChannel | P.EmbedLinks);
  });

  test("a role's allow wins over @everyone's deny", () => {
    const overwrites = [everyone({ deny: P.ViewChannel }), role(HELPERS, { allow: P.ViewChannel })];
    expect(applyOverwrites(base, overwrites, ada)).toBe(base);
  });

  test("among the member's roles an allow wins over another role's deny", () => {
    const overwrites = [role(MUTED, { deny: P.SendMessages }), role(HELPERS, { allow: P.SendMessages })];
    expect(applyOverwrites(base, overwrites, ada)).toBe(base);
  });

  test("the member's own overwrite wins over their roles'", () => {
    const overwrites = [role(HELPERS, { allow: P.SendMessages }), member(ada.userId, { deny: P.SendMessages })];
    expect(applyOverwrites(base, overwrites, ada)).toBe(P.ViewChannel | P.EmbedLinks);
  });

  test('overwrites for roles the member lacks, or for other members, do not touch them', () => {
    const overwrites = [role('role-other', { deny: P.ViewChannel }), member('user-bo', { deny: P.ViewChannel })];
    expect(applyOverwrites(base, overwrites, ada)).toBe(base);
  });

  test('administrators bypass every overwrite', () => {
    expect(applyOverwrites(P.Administrator, [everyone({ deny: P.ViewChannel }), member(ada.userId, { deny: P.ViewChannel })], ada)).toBe(
      ALL_PERMISSIONS,
    );
  });

  test('are sent in channel objects with numeric types and string bitfields', () => {
    expect(overwritesJson([everyone({ deny: P.ViewChannel }), member(ada.userId, { allow: P.SendMessages })])).toEqual([
      { id: GUILD, type: 0, allow: '0', deny: String(P.ViewChannel) },
      { id: ada.userId, type: 1, allow: String(P.SendMessages), deny: '0' },
    ]);
  });
});
