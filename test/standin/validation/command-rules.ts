import { asArray } from './message-rules.ts';
import { type Path, type Violation, violation } from './violation.ts';

/** Discord's rule for slash command and option names; it also rejects uppercase letters. */
const NAME_PATTERN = /^[-_\p{L}\p{N}]{1,32}$/u;
const CHOICE_VALUE_MAX = 100;
const CHAT_INPUT = 1;
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;
const STRING = 3;

type Json = Record<string, unknown>;

/** Rules for a whole bulk overwrite: names must be unique per command type. */
export function commandListViolations(commands: Json[]): Violation[] {
  const seen = new Set<string>();
  const found: Violation[] = [];
  commands.forEach((command, index) => {
    const key = `${String(command.type ?? CHAT_INPUT)}:${String(command.name)}`;
    if (seen.has(key))
      found.push(violation([index, 'name'], `duplicate command name ${JSON.stringify(command.name)}`, 'APPLICATION_COMMANDS_DUPLICATE_NAME'));
    seen.add(key);
    found.push(...commandViolations(command, [index]));
  });
  return found;
}

export function commandViolations(command: Json, path: Path): Violation[] {
  const found: Violation[] = [];
  const options = asArray(command.options);
  if ((command.type ?? CHAT_INPUT) === CHAT_INPUT) {
    found.push(...nameViolations(command.name, [...path, 'name']));
    if (typeof command.description !== 'string' || command.description.length === 0) {
      found.push(violation([...path, 'description'], 'slash commands need a description of 1-100 characters', 'BASE_TYPE_REQUIRED'));
    }
    found.push(...optionListViolations(options, [...path, 'options']));
  } else if (options.length > 0) {
    found.push(violation([...path, 'options'], 'only slash commands (type 1) can have options', 'APPLICATION_COMMAND_OPTIONS_INVALID'));
  }
  const permissions = command.default_member_permissions;
  if (typeof permissions === 'string' && !/^\d+$/.test(permissions)) {
    found.push(
      violation(
        [...path, 'default_member_permissions'],
        `must be a permission bitfield of digits (got ${JSON.stringify(permissions)})`,
        'BASE_TYPE_BAD_TYPE',
      ),
    );
  }
  return found;
}

function optionListViolations(options: Json[], path: Path): Violation[] {
  const found: Violation[] = [];
  const names = new Set<string>();
  const isSubcommand = (option: Json) => option.type === SUBCOMMAND || option.type === SUBCOMMAND_GROUP;
  if (options.some(isSubcommand) && !options.every(isSubcommand)) {
    found.push(violation(path, 'subcommands and subcommand groups cannot be mixed with other options', 'APPLICATION_COMMAND_OPTIONS_INVALID'));
  }
  let optionalSeen = false;
  options.forEach((option, index) => {
    const optionPath = [...path, index];
    if (names.has(String(option.name))) {
      found.push(
        violation([...optionPath, 'name'], `duplicate option name ${JSON.stringify(option.name)}`, 'APPLICATION_COMMAND_OPTIONS_DUPLICATE_NAME'),
      );
    }
    names.add(String(option.name));
    found.push(...nameViolations(option.name, [...optionPath, 'name']));
    if (!isSubcommand(option)) {
      if (option.required === true && optionalSeen) {
        found.push(
          violation(
            [...optionPath, 'required'],
            'required options must be listed before optional ones',
            'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          ),
        );
      }
      if (option.required !== true) optionalSeen = true;
    }
    found.push(...choiceViolations(option, optionPath));
    if (option.type === SUBCOMMAND_GROUP && !asArray(option.options).every((child) => child.type === SUBCOMMAND)) {
      found.push(violation([...optionPath, 'options'], 'a subcommand group may only contain subcommands', 'APPLICATION_COMMAND_OPTIONS_INVALID'));
    }
    if (isSubcommand(option)) found.push(...optionListViolations(asArray(option.options), [...optionPath, 'options']));
  });
  return found;
}

function choiceViolations(option: Json, path: Path): Violation[] {
  const found: Violation[] = [];
  const choices = asArray(option.choices);
  if (option.autocomplete === true && choices.length > 0) {
    found.push(
      violation(
        [...path, 'autocomplete'],
        'an option cannot have both autocomplete and choices',
        'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_WITH_CHOICES',
      ),
    );
  }
  if (option.type === STRING) found.push(...stringChoiceValueViolations(choices, [...path, 'choices']));
  return found;
}

/** Used for command definitions and autocomplete answers alike. */
export function stringChoiceValueViolations(choices: Json[], path: Path): Violation[] {
  return choices.flatMap((choice, index) =>
    typeof choice.value === 'string' && [...choice.value].length > CHOICE_VALUE_MAX
      ? [violation([...path, index, 'value'], `at most ${CHOICE_VALUE_MAX} characters (got ${[...choice.value].length})`, 'BASE_TYPE_MAX_LENGTH')]
      : [],
  );
}

function nameViolations(name: unknown, path: Path): Violation[] {
  if (typeof name !== 'string') return [];
  if (/\p{Lu}/u.test(name)) {
    return [violation(path, `must be lowercase (got ${JSON.stringify(name)})`, 'APPLICATION_COMMAND_INVALID_NAME')];
  }
  if (!NAME_PATTERN.test(name)) {
    return [violation(path, `must match ^[-_\\p{L}\\p{N}]{1,32}$ (got ${JSON.stringify(name)})`, 'APPLICATION_COMMAND_INVALID_NAME')];
  }
  return [];
}
