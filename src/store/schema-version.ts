import type { Log } from '../util/log.ts';
import { storeKeys } from './keys.ts';
import { valueOfEnvelope } from './envelope.ts';
import type { StoreBackend } from './store-backend.ts';
import { StoreError } from './store-error.ts';
import { schemaVersionValue } from './values.ts';

/** The layout of keys and values this code reads and writes. Bump it with a migration. */
export const currentSchemaVersion = 1;

/** Migrations from version n to n + 1, indexed by n. None yet: version 1 is the first layout. */
const migrations: Record<number, (backend: StoreBackend, log: Log) => Promise<void>> = {};

export async function ensureSchemaVersion(backend: StoreBackend, log: Log): Promise<number> {
  const [raw] = await backend.readMany([storeKeys.schemaVersion]);
  const stored = schemaVersionValue.safeParse(valueOfEnvelope(raw));
  let version = stored.success ? stored.data.version : currentSchemaVersion;
  if (version > currentSchemaVersion)
    throw new StoreError(
      `The store was written by a newer Study Companion (schema version ${version}, this one knows ${currentSchemaVersion}); upgrade the bot.`,
    );
  while (version < currentSchemaVersion) {
    const migrate = migrations[version];
    if (!migrate) throw new StoreError(`No migration from store schema version ${version}.`);
    log.info({ from: version, to: version + 1 }, 'migrating the store');
    await migrate(backend, log);
    version += 1;
  }
  if (!stored.success || stored.data.version !== version) await backend.write(storeKeys.schemaVersion, { version });
  return version;
}
