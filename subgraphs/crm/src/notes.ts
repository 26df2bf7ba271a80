/**
 * Notes on a customer (HubSpot notes associated with the contact): the list `Customer.notes` shows and the write step
 * `crmCreateNote` of ADR 0011, idempotent by its tag (the note property `omnigraph_idempotency_key`).
 */
import { badUserInput, notFound, type ErrorLogger } from '@omnigraph/shared/errors';
import { reportDuplicate } from '@omnigraph/shared/writes';
import { CRM_MAX_BATCH_SIZE, type CrmClient, type CrmNote } from './upstream/crm-client.ts';
import type { CrmLoaders } from './upstream/crm-loaders.ts';

/** `crmCreateNote`'s `body`: 1–5000 characters (the contract; HubSpot itself takes up to 65 536). */
export const MAX_NOTE_BODY_LENGTH = 5000;
/** An idempotency key is an opaque client string; Stripe caps it at 255 characters, so do we. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
/**
 * The newest notes of a contact (by id, which HubSpot hands out in creation order) read to build `Customer.notes` and
 * to look for a tag. A contact with more notes than this has its older ones out of `notes` (whose `first` is ≤ 100
 * anyway), and its tag look-up adds a search (see {@link findTaggedNote}).
 */
export const NOTES_READ_WINDOW = 200;

// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The note text as the step writes it: line breaks as `\n`; BAD_USER_INPUT (`body`) outside 1–5000 characters. */
export function checkNoteBody(body: string): string {
  const text = body.replace(/\r\n?/g, '\n');
  const length = [...text].length;
  if (text.trim() === '' || length > MAX_NOTE_BODY_LENGTH) {
    throw badUserInput(`\`body\` must have 1 to ${MAX_NOTE_BODY_LENGTH} characters (not only spaces).`, 'body');
  }
  if (CONTROL_EXCEPT_LINE_BREAKS.test(text)) throw badUserInput('`body` may not hold control characters other than line breaks and tabs.', 'body');
  return text;
}

export function checkIdempotencyKey(key: string): void {
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH || CONTROL.test(key) || key.trim() !== key) {
    throw badUserInput(
      `\`idempotencyKey\` must have 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, without control characters or surrounding spaces.`,
      'idempotencyKey',
    );
  }
}

function newestFirstById(ids: readonly string[]): string[] {
  return [...ids].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : BigInt(b) < BigInt(a) ? -1 : 0));
}

function chunks<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/**
 * The note this contact already has for `idempotencyKey`, read from HubSpot itself (no cache: the step must see what
 * an earlier attempt wrote a moment ago).
 *
 * Why associations first, not search: HubSpot's search index is eventually consistent, so a note created by an
 * attempt whose answer was lost (timeout, reset) may not be searchable for seconds, exactly when the step is re-sent;
 * trusting search there writes the note twice. The contact's associations and the batch read of the notes come from
 * the primary store and see it at once. Their cost grows with the contact's notes, so only the newest
 * {@link NOTES_READ_WINDOW} are read (a retry follows its lost attempt within minutes or hours, so its note is among
 * the newest); a contact with more notes also gets a search on the tag, which covers the older ones (long indexed).
 * Several notes with one tag (never expected) are logged as a duplicate and the oldest is answered, so every retry
 * answers the same note. Limit: the adapter lists at most 5 000 associations of a contact; past that (a data problem)
 * a note outside the listing is not recognised as the contact's.
 */
export async function findTaggedNote(client: CrmClient, contactId: string, idempotencyKey: string, logger?: ErrorLogger): Promise<CrmNote | null> {
  const [ids = []] = await client.getNoteIdsOfContacts({ contactIds: [contactId] });
  const window = newestFirstById(ids).slice(0, NOTES_READ_WINDOW);
  const read = await Promise.all(chunks(window, CRM_MAX_BATCH_SIZE).map((chunk) => client.getNotesById({ ids: chunk })));
  const tagged = new Map<string, CrmNote>();
  for (const note of read.flat()) if (note !== null && note.idempotencyKey === idempotencyKey) tagged.set(note.id, note);
  if (ids.length > window.length) {
    const own = new Set(ids);
    for (const note of await client.findNotesByIdempotencyKey({ idempotencyKey })) if (own.has(note.id)) tagged.set(note.id, note);
  }
  if (tagged.size === 0) return null;
  const oldestFirst = newestFirstById([...tagged.keys()]).reverse();
  if (oldestFirst.length > 1) {
    reportDuplicate('crm.createNote', { service: 'crm', ...(logger ? { logger } : {}), idempotencyKey, upstreamIds: oldestFirst });
  }
  return tagged.get(oldestFirst[0]!)!;
}

export interface CreateNoteStepInput {
  idempotencyKey: string;
  customerId: string;
  /** checked with {@link checkNoteBody} */
  body: string;
}

/**
 * `crmCreateNote`: the note already written for this key, or a new one (hs_timestamp now, the body as escaped HTML,
 * the tag, associated with the contact in the same request). NOT_FOUND, and nothing written, for a contact the CRM
 * does not have. Either way the contact's cached note list is dropped, so `Customer.notes` shows the note at once.
 */
export async function createNoteOnce(
  deps: { client: CrmClient; loaders: CrmLoaders; logger?: ErrorLogger | undefined; now?: () => number },
  input: CreateNoteStepInput,
): Promise<CrmNote> {
  const { client, loaders, logger } = deps;
  const [contact] = await client.getContactsByKey({ key: 'id', values: [input.customerId] });
  if (contact === null || contact === undefined) throw notFound(`Customer ${input.customerId} not found.`);
  const existing = await findTaggedNote(client, contact.id, input.idempotencyKey, logger);
  const note =
    existing ??
    (await client.createNote({
      contactId: contact.id,
      body: input.body,
      timestamp: new Date((deps.now ?? Date.now)()).toISOString(),
      idempotencyKey: input.idempotencyKey,
    }));
  await loaders.invalidateNotesOf(contact.id);
  await loaders.noteById.store(note.id, note);
  return note;
}

/** `Customer.notes`: the contact's newest notes by hs_timestamp, at most `first`; batched across customers. */
export async function notesOfCustomer(loaders: CrmLoaders, contactId: string, first: number): Promise<CrmNote[]> {
  const ids = (await loaders.noteIdsByContact.load(contactId)) ?? [];
  const window = newestFirstById(ids).slice(0, NOTES_READ_WINDOW);
  const notes = await loaders.noteById.loadMany(window);
  const failure = notes.find((note): note is Error => note instanceof Error);
  if (failure !== undefined) throw failure;
  return notes
    .filter((note): note is CrmNote => note !== null && !(note instanceof Error))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
    .slice(0, first);
}
