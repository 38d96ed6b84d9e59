import { type Path, type Violation, violation } from './violation.ts';

/** Limits Discord enforces on messages that its API description does not state. */
export const MESSAGE_LIMITS = {
  content: 2000,
  embedsTotal: 6000,
  actionRows: 5,
  componentsPerRow: 5,
  customId: 100,
};

const IS_COMPONENTS_V2 = 1 << 15;
const BUTTON = 2;
const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);
const LINK_STYLE = 5;
const PREMIUM_STYLE = 6;

type Json = Record<string, unknown>;

export interface MessageRuleOptions {
  /** Creating a message (not editing one): it must end up with something to show. */
  creating: boolean;
  hasFiles?: boolean;
}

export function messageViolations(body: Json, options: MessageRuleOptions): Violation[] {
  const usesComponentsV2 = (Number(body.flags ?? 0) & IS_COMPONENTS_V2) !== 0;
  return [
    ...contentViolations(body, usesComponentsV2),
    ...(options.creating && isEmpty(body, options.hasFiles ?? false) ? [emptyMessage()] : []),
    ...embedViolations(asArray(body.embeds)),
    ...(usesComponentsV2 ? [] : actionRowViolations(asArray(body.components))),
    ...interactiveComponentViolations(asArray(body.components)),
  ];
}

function contentViolations(body: Json, usesComponentsV2: boolean): Violation[] {
  const found: Violation[] = [];
  if (length(body.content) > MESSAGE_LIMITS.content) {
    found.push(violation(['content'], `at most ${MESSAGE_LIMITS.content} characters (got ${length(body.content)})`, 'BASE_TYPE_MAX_LENGTH'));
  }
  if (usesComponentsV2 && (body.content || asArray(body.embeds).length > 0)) {
    found.push(
      violation(
        ['content'],
        'content and embeds cannot be sent with the IS_COMPONENTS_V2 flag',
        'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
      ),
    );
  }
  return found;
}

function isEmpty(body: Json, hasFiles: boolean): boolean {
  const filled = (value: unknown) => (typeof value === 'string' ? value.length > 0 : asArray(value).length > 0);
  return !(hasFiles || filled(body.content) || filled(body.embeds) || filled(body.components) || filled(body.sticker_ids) || body.poll);
}

function emptyMessage(): Violation {
  return violation([], 'cannot send an empty message (no content, embeds, components, files, stickers or poll)', 'EMPTY_MESSAGE');
}

function embedViolations(embeds: Json[]): Violation[] {
  const found: Violation[] = [];
  let total = 0;
  embeds.forEach((embed, index) => {
    total += length(embed.title) + length(embed.description) + length(asObject(embed.footer).text) + length(asObject(embed.author).name);
    asArray(embed.fields).forEach((field, fieldIndex) => {
      total += length(field.name) + length(field.value);
      for (const key of ['name', 'value'] as const) {
        if (typeof field[key] === 'string' && length(field[key]) === 0) {
          found.push(violation(['embeds', index, 'fields', fieldIndex, key], 'must not be empty', 'BASE_TYPE_REQUIRED'));
        }
      }
    });
  });
  if (total > MESSAGE_LIMITS.embedsTotal) {
    found.push(violation(['embeds'], `at most ${MESSAGE_LIMITS.embedsTotal} characters across all embeds (got ${total})`, 'MESSAGE_EMBEDS_TOO_LONG'));
  }
  return found;
}

function actionRowViolations(rows: Json[]): Violation[] {
  const found: Violation[] = [];
  if (rows.length > MESSAGE_LIMITS.actionRows) {
    found.push(violation(['components'], `at most ${MESSAGE_LIMITS.actionRows} action rows (got ${rows.length})`, 'BASE_TYPE_MAX_LENGTH'));
  }
  rows.forEach((row, index) => {
    if (row.type !== 1) {
      const rule = `only action rows (type 1) may be top-level without the IS_COMPONENTS_V2 flag (got ${String(row.type)})`;
      found.push(violation(['components', index, 'type'], rule, 'COMPONENT_INVALID_TYPE'));
      return;
    }
    const children = asArray(row.components);
    const what = children.every((child) => child.type === BUTTON) ? 'buttons' : 'components';
    if (children.length > MESSAGE_LIMITS.componentsPerRow) {
      found.push(
        violation(
          ['components', index, 'components'],
          `at most ${MESSAGE_LIMITS.componentsPerRow} ${what} per action row (got ${children.length})`,
          'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        ),
      );
    }
    if (children.length > 1 && children.some((child) => SELECT_TYPES.has(Number(child.type)))) {
      found.push(
        violation(
          ['components', index, 'components'],
          `a select menu must be alone in its action row (got ${children.length} components)`,
          'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        ),
      );
    }
  });
  return found;
}

function interactiveComponentViolations(components: Json[]): Violation[] {
  const found: Violation[] = [];
  const seenCustomIds = new Map<string, Path>();
  const visit = (component: Json, path: Path) => {
    if (component.type === BUTTON) found.push(...buttonViolations(component, path));
    if (typeof component.custom_id === 'string') {
      const customId = component.custom_id;
      if (customId.length > MESSAGE_LIMITS.customId) {
        found.push(
          violation([...path, 'custom_id'], `at most ${MESSAGE_LIMITS.customId} characters (got ${customId.length})`, 'BASE_TYPE_MAX_LENGTH'),
        );
      }
      if (seenCustomIds.has(customId)) {
        const rule = `duplicate custom_id ${JSON.stringify(customId)}: custom_ids must be unique within a message`;
        found.push(violation([...path, 'custom_id'], rule, 'COMPONENT_CUSTOM_ID_DUPLICATED'));
      }
      seenCustomIds.set(customId, path);
    }
    asArray(component.components).forEach((child, index) => visit(child, [...path, 'components', index]));
    if (component.accessory && typeof component.accessory === 'object') visit(component.accessory as Json, [...path, 'accessory']);
  };
  components.forEach((component, index) => visit(component, ['components', index]));
  return found;
}

function buttonViolations(button: Json, path: Path): Violation[] {
  const found: Violation[] = [];
  if (button.style === LINK_STYLE) {
    if (!button.url) found.push(violation([...path, 'url'], 'link buttons (style 5) need a url', 'BASE_TYPE_REQUIRED'));
    if (button.custom_id !== undefined)
      found.push(violation([...path, 'custom_id'], 'link buttons (style 5) cannot have a custom_id', 'BUTTON_COMPONENT_INVALID'));
  } else if (button.style === PREMIUM_STYLE) {
    if (!button.sku_id) found.push(violation([...path, 'sku_id'], 'premium buttons (style 6) need a sku_id', 'BASE_TYPE_REQUIRED'));
  } else if (typeof button.custom_id !== 'string' || button.custom_id.length === 0) {
    found.push(violation([...path, 'custom_id'], `buttons of style ${String(button.style)} need a custom_id`, 'BASE_TYPE_REQUIRED'));
  }
  if (button.style !== PREMIUM_STYLE && !button.label && !button.emoji) {
    found.push(violation([...path, 'label'], 'a button needs a label or an emoji', 'BUTTON_COMPONENT_INVALID'));
  }
  return found;
}

export function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter((item): item is Json => typeof item === 'object' && item !== null) : [];
}

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}

const surrogatePairs = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Characters as Discord counts them: code points, not UTF-16 units (counted without building an array per string). */
function length(value: unknown): number {
  return typeof value === 'string' ? value.length - (value.match(surrogatePairs)?.length ?? 0) : 0;
}
