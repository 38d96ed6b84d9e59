import { fileURLToPath, pathToFileURL } from 'node:url';
import { buttonActionNames, type ButtonActionName } from '../ui/custom-id.ts';
import { StartError } from '../util/start-error.ts';
import type { ButtonHandler } from './handler.ts';
import { handlerFiles } from './handler-files.ts';

const buttonsDir = fileURLToPath(new URL('../buttons/', import.meta.url));

export class ButtonLoadError extends StartError {
  override name = 'ButtonLoadError';
}

function isButtonHandler(value: unknown): value is ButtonHandler {
  const handler = value as Partial<ButtonHandler> | undefined;
  return Array.isArray(handler?.actions) && typeof handler.execute === 'function';
}

/** Imports every button handler in `dir`: each action of the custom-id codec must have exactly one. */
export async function loadButtonHandlers(dir = buttonsDir): Promise<Map<ButtonActionName, ButtonHandler>> {
  const handlers = new Map<ButtonActionName, ButtonHandler>();
  for (const path of handlerFiles(dir)) {
    const exported: unknown = (await import(pathToFileURL(path).href)).default;
    if (!isButtonHandler(exported)) throw new ButtonLoadError(`${path} must export default buttonHandler([actions], execute)`);
    for (const action of exported.actions) {
      if (!buttonActionNames.includes(action)) throw new ButtonLoadError(`${path}: "${action}" is not an action of src/ui/custom-id.ts`);
      if (handlers.has(action)) throw new ButtonLoadError(`${path}: a second handler for the button action "${action}"`);
      handlers.set(action, exported);
    }
  }
  const unhandled = buttonActionNames.filter((action) => !handlers.has(action));
  if (unhandled.length > 0) throw new ButtonLoadError(`No handler in ${dir} for the button actions ${unhandled.join(', ')}`);
  return handlers;
}
