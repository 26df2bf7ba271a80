import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Kind, parse, print } from 'graphql';
import { presetDocumentIds, presetPrint } from './persisted-documents.ts';

/** Where the registered operations live: one named operation per `<Name>.graphql`, reviewed like code. */
export const OPERATIONS_DIR = new URL('../../../schema/operations/', import.meta.url);

export interface RegisteredOperation {
  name: string;
  /** the canonical text (graphql `print`), which is what a client may send as `query` */
  text: string;
  /**
   * sha256 hex of `text`: the id partners pinned before persisted documents (ADR 0019), still accepted as
   * `extensions.persistedQuery.sha256Hash`
   */
  sha256: string;
  /** the graphql-codegen client preset's print of the operation (what its persisted-documents.json holds) */
  presetText: string;
  /** the preset's ids for it: sha256 and sha1 of `presetText` (ADR 0019) */
  documentIds: readonly string[];
}

export interface OperationRegistry {
  byName(name: string): RegisteredOperation | undefined;
  /** By any of its ids: `sha256` (of graphql's print) or one of `documentIds` (the client preset's). */
  byHash(id: string): RegisteredOperation | undefined;
  /**
   * The registered operation whose canonical text equals this document's, if any: its own, or that of the preset's
   * print (a client may send the text of its persisted-documents.json).
   */
  byText(canonicalText: string): RegisteredOperation | undefined;
  all(): readonly RegisteredOperation[];
}

export const canonicalText = (documentText: string): string => print(parse(documentText, { noLocation: true }));
export const operationHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Loads `schema/operations/*.graphql`. A file must hold exactly one operation, named like the file, so a key's
 * safelist (operation names) and the hashes partners pin can never point at two different texts.
 */
export function loadOperationRegistry(dir: URL = OPERATIONS_DIR): OperationRegistry {
  const operations: RegisteredOperation[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()) {
    const source = readFileSync(new URL(file, dir), 'utf8');
    const document = parse(source, { noLocation: true });
    const defs = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const expected = file.slice(0, -'.graphql'.length);
    if (defs.length !== 1 || defs[0]?.name?.value !== expected) {
      throw new Error(`${file} must hold exactly one operation, named ${expected}`);
    }
    const text = print(document);
    const presetText = presetPrint(document);
    operations.push({ name: expected, text, sha256: operationHash(text), presetText, documentIds: presetDocumentIds(presetText) });
  }
  const byName = new Map(operations.map((o) => [o.name, o]));
  const byHash = new Map(operations.flatMap((o) => [o.sha256, ...o.documentIds].map((id) => [id, o] as const)));
  const byText = new Map(operations.flatMap((o) => [o.text, canonicalText(o.presetText)].map((text) => [text, o] as const)));
  return {
    byName: (name) => byName.get(name),
    byHash: (hash) => byHash.get(hash),
    byText: (text) => byText.get(text),
    all: () => operations,
  };
}

/** The text of one registered operation (tests, the explorer's example). */
export function registeredOperationText(name: string, dir: URL = OPERATIONS_DIR): string {
  return readFileSync(new URL(`${name}.graphql`, dir), 'utf8').replace(/^#.*\n/gm, '');
}
