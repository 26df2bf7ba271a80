import { describe, expect, it, vi } from 'vitest';
import { checkIdempotencyKey, checkNoteBody, findTaggedNote, NOTES_READ_WINDOW } from './notes.ts';
import type { CrmClient, CrmNote } from './upstream/crm-client.ts';

const note = (id: number, key: string | null = null): CrmNote => ({
  id: String(id),
  body: 'x',
  createdAt: '2026-01-01T00:00:00.000Z',
  idempotencyKey: key,
});

/** A CRM holding `notes` on contact 1 (by id); search finds every tagged note, of any contact. */
function crm(notes: CrmNote[], elsewhere: CrmNote[] = []) {
  const byId = new Map([...notes, ...elsewhere].map((n) => [n.id, n]));
  return {
    getNoteIdsOfContacts: vi.fn(async ({ contactIds }: { contactIds: readonly string[] }) => contactIds.map(() => notes.map((n) => n.id))),
    getNotesById: vi.fn(async ({ ids }: { ids: readonly string[] }) => ids.map((id) => byId.get(id) ?? null)),
    findNotesByIdempotencyKey: vi.fn(async ({ idempotencyKey }: { idempotencyKey: string }) =>
      [...byId.values()].filter((n) => n.idempotencyKey === idempotencyKey),
    ),
  } as unknown as CrmClient & Record<'getNoteIdsOfContacts' | 'getNotesById' | 'findNotesByIdempotencyKey', ReturnType<typeof vi.fn>>;
}

describe('findTaggedNote', () => {
  it('finds the tag among the contact notes without searching', async () => {
    const client = crm([note(10), note(11, 'k1'), note(12)]);
    expect(await findTaggedNote(client, '1', 'k1')).toMatchObject({ id: '11' });
    expect(await findTaggedNote(client, '1', 'k2')).toBeNull();
    expect(client.findNotesByIdempotencyKey).not.toHaveBeenCalled();
  });

  it('reads only the newest notes of a busy contact, and searches for the older ones, keeping the contact own', async () => {
    const many = Array.from({ length: NOTES_READ_WINDOW + 50 }, (_, i) => note(1000 + i));
    many[3] = note(1003, 'old-key');
    const client = crm(many, [note(5, 'other-contact-key')]);
    expect(await findTaggedNote(client, '1', 'old-key')).toMatchObject({ id: '1003' });
    const read = client.getNotesById.mock.calls.flatMap(([args]) => (args as { ids: string[] }).ids);
    expect(read).toHaveLength(NOTES_READ_WINDOW);
    expect(read).not.toContain('1003');
    expect(await findTaggedNote(client, '1', 'other-contact-key')).toBeNull();
  });

  it('answers the oldest of duplicates and logs them (ids only)', async () => {
    const logger = { error: vi.fn(), warn: vi.fn() };
    const client = crm([note(20, 'dup'), note(9, 'dup')]);
    expect(await findTaggedNote(client, '1', 'dup', logger)).toMatchObject({ id: '9' });
    expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ step: 'crm.createNote', upstreamIds: ['9', '20'] }), expect.any(String));
  });
});

describe('argument checks', () => {
  it('takes 1–5000 characters of body, line breaks normalised', () => {
    expect(checkNoteBody('a\r\nb\rc')).toBe('a\nb\nc');
    expect(checkNoteBody('😀'.repeat(5000))).toHaveLength(10000);
    for (const bad of ['', ' \n ', 'x'.repeat(5001), 'a\u0000b']) expect(() => checkNoteBody(bad)).toThrow(/body/);
  });

  it('takes a 1–255 character key without control characters or surrounding spaces', () => {
    expect(() => checkIdempotencyKey('3f2a-…-k')).not.toThrow();
    for (const bad of ['', ' k', 'k\n', 'k'.repeat(256)]) expect(() => checkIdempotencyKey(bad)).toThrow(/idempotencyKey/);
  });
});
