import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  AllegroTokenRecordSchema,
  TokenStoreUnavailableError,
  createInProcessLock,
  type AllegroTokenRecord,
  type AllegroTokenStore,
} from './allegro-token-store.ts';

/**
 * The token record in one JSON file, for a single process without Redis (`npm start` against real Allegro). Writes
 * go to a temp file renamed over the original, so a crash mid-write never leaves a truncated file and with it a lost
 * refresh token; mode 0600, since it holds the seller's live tokens. The lock is in-process only: two processes
 * sharing one file would each refresh (use Redis for replicas).
 */
export function createFileAllegroTokenStore(path: string): AllegroTokenStore {
  return {
    kind: 'file',
    async read() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new TokenStoreUnavailableError('Allegro token file unreadable', { cause: error });
      }
      const parsed = AllegroTokenRecordSchema.safeParse(safeJson(text));
      // A damaged file is treated as empty: the configured seed takes over, which is the operator's recovery anyway.
      return parsed.success ? parsed.data : null;
    },
    async write(record: AllegroTokenRecord) {
      const valid = AllegroTokenRecordSchema.parse(record);
      const temp = `${path}.${randomUUID()}.tmp`;
      try {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(temp, `${JSON.stringify(valid, null, 2)}\n`, { mode: 0o600 });
        // writeFile's mode is filtered by the umask; the token must not be group- or world-readable whatever it is.
        await chmod(temp, 0o600);
        await rename(temp, path);
      } catch (error) {
        await rm(temp, { force: true }).catch(() => undefined);
        throw new TokenStoreUnavailableError('Allegro token file not writable', { cause: error });
      }
    },
    withRefreshLock: createInProcessLock(),
    close: async () => {},
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
