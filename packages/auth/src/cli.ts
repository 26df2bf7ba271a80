import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { configIssuesOf } from '@omnigraph/shared/config';
import type { Env } from '@omnigraph/shared/config';
import type { ApiKeyRecord, PersistedDocumentRecord } from './api-key-record.ts';
import { scopeSchema } from './api-key-record.ts';
import { createApiKeyService } from './api-key-service.ts';
import { authConfigIssues } from './config.ts';
import type { AuthConfig } from './config.ts';
import { createFileKeyStore } from './file-key-store.ts';
import type { KeyStore } from './key-store.ts';
import { createRedisKeyStore } from './redis-key-store.ts';
import { addCounts, daysBetween, isDay, MAX_USAGE_RANGE_DAYS, utcDay, zeroUsage, type UsageDay } from './usage.ts';

/** The names a key may use: the scopes the graph declares and the registered operations (the gateway knows them). */
export interface KeyVocabulary {
  scopes: readonly string[];
  operations: readonly string[];
  /**
   * Whether a persisted document may be registered for a key (`operations add`, ADR 0019): the gateway checks that
   * it parses, holds one named operation, that `id` is the client preset's hash of `text`, and that it validates
   * against the API schema. `builtIn`: it is one of `operations` (registered by name, not as a document).
   */
  checkDocument?: (id: string, text: string) => { ok: true; id: string; name: string; builtIn: boolean } | { ok: false; issues: string[] };
  /** The fields of a (checked) document a key with these scopes may not read, with the scopes each needs. */
  unreadableFields?: (text: string, scopes: readonly string[]) => string[];
}

export interface CliIo {
  env: Env;
  /** One call per output line. Tests capture these to prove no key leaks beyond the one-time line. */
  out: (line: string) => void;
  err: (line: string) => void;
  /** Overrides the store chosen from config (tests). */
  openStore?: (config: AuthConfig) => Promise<KeyStore>;
  clock?: () => Date;
  /**
   * The scopes and operations a key may name; `create` refuses any other. The entry point (`npm run keys`,
   * gateway/src/keys-cli.ts) loads them from the gateway's public `key-vocabulary` export: this package does not import the
   * gateway.
   */
  vocabulary?: () => KeyVocabulary;
}

const USAGE = `Usage: npm run keys -- <command> [options]

  create --name <name> --owner <partnerId> --scopes <a:b,c:d> --rate-limit <perMinute>
         [--profile partner|internal] [--cost-per-minute <points>] [--quota <perDay>]
         [--operations <OperationName,...>] [--expires <YYYY-MM-DD|ISO date>]
  list   [--owner <partnerId>] [--json]
  show   <keyId> [--json]
  usage  <keyId> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]   (UTC days; default: the last 30 days)
  rotate <keyId> --overlap <seconds>
  revoke <keyId>
  purge  [--json]     deletes revoked and expired keys, and usage older than the retention period
  operations add    <keyId> <persisted-documents.json>   registers the client preset's persisted documents for the key
  operations retire <keyId> <name|id>                    retires an operation (every id of a name) from the key
  operations list   <keyId> [--json]
            Registration and retirement take effect at once on running gateways (no redeploy).

Scopes and --operations must be ones the graph declares and schema/operations/ registers.

Store: Redis when REDIS_URL is set, else the file OMNIGRAPH_KEY_STORE_FILE (default ./.omnigraph-keys.json).`;

const COMMANDS = ['create', 'list', 'show', 'usage', 'rotate', 'revoke', 'purge', 'operations'];

/** A key's registered documents are read with its record on every cache miss: a bound keeps that record small. */
export const MAX_DOCUMENTS_PER_KEY = 200;

const OPERATIONS_SUBCOMMANDS = ['add', 'retire', 'list'] as const;

const operationsArgs = () =>
  z.discriminatedUnion(
    'sub',
    [
      z.object({
        sub: z.literal('add'),
        keyId: keyIdArg('operations add'),
        target: z.string({ error: 'operations add needs a <persisted-documents.json>' }),
      }),
      z.object({
        sub: z.literal('retire'),
        keyId: keyIdArg('operations retire'),
        target: z.string({ error: 'operations retire needs a <name|id>' }).min(1),
      }),
      z.object({ sub: z.literal('list'), keyId: keyIdArg('operations list') }),
    ],
    { error: `operations needs one of: ${OPERATIONS_SUBCOMMANDS.join(', ')}` },
  );

/** The client preset's persisted-documents.json: id → document text. */
const persistedDocumentsFileSchema = z.record(z.string(), z.string());

const positiveInt = (name: string) =>
  z
    .string({ error: `--${name} is required` })
    .regex(/^[1-9]\d*$/, `--${name} must be a positive integer`)
    .transform(Number);

// Built per run: whether --expires lies in the future depends on the (injectable) clock.
const createArgs = (now: Date) =>
  z.object({
    name: z.string({ error: '--name is required' }).trim().min(1, '--name must not be empty'),
    owner: z.string({ error: '--owner is required' }).trim().min(1, '--owner must not be empty'),
    scopes: z
      .string({ error: '--scopes is required' })
      .transform((s) =>
        s
          .split(',')
          .map((x) => x.trim())
          .filter((x) => x !== ''),
      )
      .pipe(z.array(scopeSchema).min(1, '--scopes needs at least one scope')),
    'rate-limit': positiveInt('rate-limit'),
    profile: z.enum(['partner', 'internal'], { error: '--profile must be partner or internal' }).optional(),
    'cost-per-minute': positiveInt('cost-per-minute').optional(),
    quota: positiveInt('quota').optional(),
    operations: z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((x) => x.trim())
          .filter((x) => x !== ''),
      )
      .pipe(
        z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, '--operations takes operation names')).min(1, '--operations needs at least one name'),
      )
      .optional(),
    expires: z
      .string()
      .transform((s, ctx) => {
        const date = new Date(s);
        if (Number.isNaN(date.getTime())) {
          ctx.addIssue({ code: 'custom', message: '--expires must be a date (YYYY-MM-DD or ISO 8601)' });
          return z.NEVER;
        }
        if (date.getTime() <= now.getTime()) {
          ctx.addIssue({ code: 'custom', message: '--expires must be in the future' });
          return z.NEVER;
        }
        return date;
      })
      .optional(),
  });

type CreateArgs = z.output<ReturnType<typeof createArgs>>;

const rotateArgs = z.object({
  keyId: z.string({ error: 'rotate needs a <keyId>' }).regex(/^[0-9A-Za-z]{8}$/, '<keyId> must be 8 base62 characters'),
  overlap: z.string({ error: '--overlap <seconds> is required' }).regex(/^\d+$/, '--overlap must be a whole number of seconds').transform(Number),
});

const keyIdArg = (command: string) =>
  z.string({ error: `${command} needs a <keyId>` }).regex(/^[0-9A-Za-z]{8}$/, '<keyId> must be 8 base62 characters');

const revokeArgs = z.object({ keyId: keyIdArg('revoke') });
const showArgs = z.object({ keyId: keyIdArg('show') });

const USAGE_DEFAULT_DAYS = 30;
const usageArgs = (now: Date) =>
  z
    .object({
      keyId: keyIdArg('usage'),
      from: z.string().refine(isDay, '--from must be a day, YYYY-MM-DD').optional(),
      to: z.string().refine(isDay, '--to must be a day, YYYY-MM-DD').optional(),
    })
    .transform((a) => {
      const to = a.to ?? utcDay(now);
      const from = a.from ?? utcDay(new Date(Date.parse(`${to}T00:00:00.000Z`) - (USAGE_DEFAULT_DAYS - 1) * 86_400_000));
      return { keyId: a.keyId, from, to };
    })
    .refine((a) => a.from <= a.to, { message: '--from must not be after --to', path: ['from'] })
    .refine((a) => daysBetween(a.from, a.to, MAX_USAGE_RANGE_DAYS + 1).length <= MAX_USAGE_RANGE_DAYS, {
      message: `at most ${MAX_USAGE_RANGE_DAYS} days at once (usage is kept that long)`,
      path: ['from'],
    });

/** Issues for the names a new key would carry that the graph does not know: such a key could never work. */
function vocabularyIssues(args: CreateArgs, vocabulary: KeyVocabulary): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const unknownScopes = args.scopes.filter((s) => !vocabulary.scopes.includes(s));
  if (unknownScopes.length > 0) {
    issues.push({ path: 'arguments.scopes', message: `unknown scope ${unknownScopes.join(', ')}; valid scopes: ${vocabulary.scopes.join(', ')}` });
  }
  const unknownOperations = (args.operations ?? []).filter((o) => !vocabulary.operations.includes(o));
  if (unknownOperations.length > 0) {
    issues.push({
      path: 'arguments.operations',
      message: `not a registered operation: ${unknownOperations.join(', ')}; registered: ${vocabulary.operations.join(', ')}`,
    });
  }
  return issues;
}

function describe(record: ApiKeyRecord): string[] {
  return [
    `  keyId:      ${record.keyId}`,
    `  name:       ${record.name}`,
    `  owner:      ${record.ownerId}`,
    `  scopes:     ${record.scopes.join(',')}`,
    `  profile:    ${record.profile}`,
    `  rate limit: ${record.rateLimitPerMinute}/min${record.costPerMinute === undefined ? '' : `, cost ${record.costPerMinute}/min`}${record.quotaPerDay === undefined ? '' : `, quota ${record.quotaPerDay}/day`}`,
    ...(record.operations === undefined ? [] : [`  operations: ${record.operations.join(',')} (safelist)`]),
    `  expires:    ${record.expiresAt ?? 'never'}`,
  ];
}

/** `show`: everything public about a key, its state included. */
function describeFully(record: ApiKeyRecord, now: Date): string[] {
  return [
    ...describe(record),
    `  status:     ${status(record, now)}`,
    `  cost/min:   ${record.costPerMinute ?? "the profile's default"}`,
    `  quota/day:  ${record.quotaPerDay ?? 'none'}`,
    `  safelist:   ${record.operations === undefined ? 'none (any operation its scopes allow)' : record.operations.join(',') || '(empty)'}`,
    `  documents:  ${record.documents === undefined ? 'none' : `${record.documents.length} registered (operations list ${record.keyId})`}`,
    `  created:    ${record.createdAt}`,
    `  last used:  ${record.lastUsedAt ?? '-'}`,
    `  revoked:    ${record.revokedAt ?? '-'}`,
    ...(record.replacedBy === undefined ? [] : [`  replaced by: ${record.replacedBy}`]),
  ];
}

/** A record as `--json` prints it: every field but `hash`, plus its status. */
function publicRecord(record: ApiKeyRecord, now: Date): Record<string, unknown> {
  const { hash: _hash, ...rest } = record;
  return { ...rest, status: status(record, now) };
}

function formatUsageTable(days: readonly UsageDay[]): string[] {
  const total = days.reduce((sum, d) => addCounts(sum, d), zeroUsage());
  const header = ['DAY', 'REQUESTS', 'COST', 'UPSTREAM CALLS', 'ERRORS'];
  const rows = [...days, { day: 'TOTAL', ...total }].map((d) => [
    d.day,
    String(d.requests),
    String(d.cost),
    String(d.upstreamCalls),
    String(d.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)];
}

function status(record: ApiKeyRecord, now: Date): string {
  if (record.revokedAt !== undefined) return 'revoked';
  if (record.expiresAt !== undefined && Date.parse(record.expiresAt) <= now.getTime()) return 'expired';
  if (record.replacedBy !== undefined) return `rotating→${record.replacedBy}`;
  return 'active';
}

/** Fixed-width table; only public fields — never `hash`, which with the pepper would confirm a guessed key. */
export function formatKeyTable(records: readonly ApiKeyRecord[], now: Date): string[] {
  const header = [
    'KEY ID',
    'NAME',
    'OWNER',
    'SCOPES',
    'PROFILE',
    'REQ/MIN',
    'COST/MIN',
    'QUOTA/DAY',
    'SAFELIST',
    'STATUS',
    'CREATED',
    'LAST USED',
    'EXPIRES',
    'REVOKED',
  ];
  const rows = records.map((r) => [
    r.keyId,
    r.name,
    r.ownerId,
    r.scopes.join(','),
    r.profile,
    String(r.rateLimitPerMinute),
    r.costPerMinute === undefined ? 'default' : String(r.costPerMinute),
    r.quotaPerDay === undefined ? '-' : String(r.quotaPerDay),
    // a key's registered documents are counted, not listed (`operations list <keyId>` shows them)
    [r.operations === undefined ? '-' : r.operations.join(',') || '(empty)', r.documents === undefined ? '' : `+${r.documents.length} documents`]
      .filter((part) => part !== '')
      .join(' '),
    status(r, now),
    r.createdAt,
    r.lastUsedAt ?? '-',
    r.expiresAt ?? '-',
    r.revokedAt ?? '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

async function defaultOpenStore(config: AuthConfig): Promise<KeyStore> {
  if (config.redisUrl !== undefined) {
    return createRedisKeyStore({ redisUrl: config.redisUrl, keyPrefix: config.redisKeyPrefix });
  }
  return createFileKeyStore(config.keyStoreFile);
}

/** Runs one CLI command; returns the exit code. Pure I/O through `io`, so tests drive it without a subprocess. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const clock = io.clock ?? (() => new Date());
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: 'string' },
        owner: { type: 'string' },
        scopes: { type: 'string' },
        'rate-limit': { type: 'string' },
        profile: { type: 'string' },
        'cost-per-minute': { type: 'string' },
        quota: { type: 'string' },
        operations: { type: 'string' },
        expires: { type: 'string' },
        overlap: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err((error as Error).message);
    io.err(USAGE);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values['help'] === true || command === undefined || !COMMANDS.includes(command)) {
    if (command !== undefined && values['help'] !== true) io.err(`Unknown command: ${command}`);
    io.err(USAGE);
    return values['help'] === true ? 0 : 2;
  }

  // Arguments and environment are validated together so one run reports every problem.
  const { issues, config } = authConfigIssues(io.env);
  let args: unknown;
  const argSchemas: Record<string, z.ZodType | undefined> = {
    create: createArgs(clock()),
    rotate: rotateArgs,
    revoke: revokeArgs,
    show: showArgs,
    usage: usageArgs(clock()),
    operations: operationsArgs(),
  };
  const argSchema = argSchemas[command];
  if (argSchema !== undefined) {
    const input =
      command === 'create'
        ? values
        : command === 'operations'
          ? { ...values, sub: rest[0], keyId: rest[1], target: rest[2] }
          : { ...values, keyId: rest[0] };
    const result = argSchema.safeParse(input);
    if (result.success) args = result.data;
    else issues.push(...configIssuesOf(result.error, 'arguments'));
  }
  // loaded once (it reads the supergraph), only by the commands that name operations or scopes
  const vocabulary = args !== undefined && (command === 'create' || command === 'operations') ? io.vocabulary?.() : undefined;
  if (command === 'create' && args !== undefined && vocabulary !== undefined) {
    issues.push(...vocabularyIssues(args as CreateArgs, vocabulary));
  }
  let documents: CheckedDocument[] | undefined;
  if (command === 'operations' && args !== undefined && (args as OperationsArgs).sub === 'add') {
    const read = await readPersistedDocuments((args as OperationsArgs & { sub: 'add' }).target, vocabulary);
    if ('issues' in read) issues.push(...read.issues.map((message) => ({ path: 'arguments.documents', message })));
    else documents = read.checked;
  }
  const json = values['json'] === true;
  if (issues.length > 0 || config === undefined) {
    io.err('Invalid input:');
    for (const issue of issues) io.err(`  - ${issue.path}: ${issue.message}`);
    return 2;
  }

  const store = await (io.openStore ?? defaultOpenStore)(config);
  const service = createApiKeyService({ store, pepper: config.pepper, env: config.keyEnv, clock });
  try {
    switch (command) {
      case 'create': {
        const a = args as CreateArgs;
        const { key, record } = await service.createKey({
          name: a.name,
          ownerId: a.owner,
          scopes: a.scopes,
          profile: a.profile,
          rateLimitPerMinute: a['rate-limit'],
          costPerMinute: a['cost-per-minute'],
          quotaPerDay: a.quota,
          operations: a.operations,
          expiresAt: a.expires,
        });
        io.out(`Created API key ${record.keyId}:`);
        for (const line of describe(record)) io.out(line);
        io.out(`key: ${key}`);
        io.out('This is the only time the key is shown: hand it to the partner over a secure channel now.');
        return 0;
      }
      case 'list': {
        const owner = typeof values['owner'] === 'string' ? values['owner'] : undefined;
        const records = await service.list(owner);
        if (json) io.out(JSON.stringify(records.map((r) => publicRecord(r, clock()))));
        else if (records.length === 0) io.out('No API keys.');
        else for (const line of formatKeyTable(records, clock())) io.out(line);
        return 0;
      }
      case 'show': {
        const a = args as z.output<typeof showArgs>;
        const record = await service.get(a.keyId);
        if (record === undefined) {
          io.err(`No API key with id ${a.keyId}.`);
          return 1;
        }
        if (json) io.out(JSON.stringify(publicRecord(record, clock())));
        else for (const line of describeFully(record, clock())) io.out(line);
        return 0;
      }
      case 'usage': {
        const a = args as z.output<ReturnType<typeof usageArgs>>;
        const days = await service.usage(a.keyId, { from: a.from, to: a.to });
        // usage outlives a purged key (billing), so an unknown id is a note, not an error
        if ((await service.get(a.keyId)) === undefined) io.err(`Note: no API key with id ${a.keyId} (never existed, or purged).`);
        const total = days.reduce((sum, d) => addCounts(sum, d), zeroUsage());
        if (json) io.out(JSON.stringify({ keyId: a.keyId, from: a.from, to: a.to, days, total }));
        else {
          io.out(`Usage of ${a.keyId} from ${a.from} to ${a.to} (UTC days):`);
          for (const line of formatUsageTable(days)) io.out(line);
        }
        return 0;
      }
      case 'purge': {
        const { deleted, usageDaysDropped } = await service.purge();
        if (json) io.out(JSON.stringify({ deleted, usageDaysDropped }));
        else {
          io.out(deleted.length === 0 ? 'No revoked or expired keys.' : `Deleted ${deleted.length} revoked or expired key(s): ${deleted.join(', ')}`);
          if (usageDaysDropped > 0) io.out(`Dropped ${usageDaysDropped} day(s) of usage older than the retention period.`);
        }
        return 0;
      }
      case 'rotate': {
        const a = args as z.output<typeof rotateArgs>;
        const { key, record, previous } = await service.rotate(a.keyId, { overlapSeconds: a.overlap });
        io.out(`Rotated ${previous.keyId} → ${record.keyId}; ${previous.keyId} keeps working until ${previous.expiresAt}.`);
        for (const line of describe(record)) io.out(line);
        io.out(`key: ${key}`);
        io.out('This is the only time the new key is shown.');
        return 0;
      }
      case 'operations':
        return await runOperations(args as OperationsArgs, store, io, clock, json, documents, vocabulary);
      default: {
        const a = args as z.output<typeof revokeArgs>;
        if (!(await service.revoke(a.keyId))) {
          io.err(`No API key with id ${a.keyId}.`);
          return 1;
        }
        io.out(`Revoked ${a.keyId}.`);
        return 0;
      }
    }
  } catch (error) {
    // Our errors name keyIds only; never print a stack or a store error that might carry connection details.
    io.err(`Error: ${(error as Error).message}`);
    return 1;
  } finally {
    await store.close();
  }
}

type OperationsArgs = z.output<ReturnType<typeof operationsArgs>>;

/** A checked document: the id as the gateway matches it (lowercase hex) and the operation's name. */
interface CheckedDocument {
  id: string;
  name: string;
  text: string;
  builtIn: boolean;
}

/**
 * Reads and checks a persisted-documents.json before anything is stored: every document must pass the gateway's
 * check (one problem refuses the whole file, so a frontend release is registered whole or not at all).
 */
async function readPersistedDocuments(
  path: string,
  vocabulary: KeyVocabulary | undefined,
): Promise<{ checked: CheckedDocument[] } | { issues: string[] }> {
  const checkDocument = vocabulary?.checkDocument;
  if (checkDocument === undefined) return { issues: ['cannot check documents without the gateway (run it as `npm run keys`)'] };
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return { issues: [`cannot read ${path}: ${(error as Error).message}`] };
  }
  const parsed = persistedDocumentsFileSchema.safeParse(raw);
  if (!parsed.success) return { issues: [`${path} is not a persisted-documents.json (an object of id → document text)`] };
  if (Object.keys(parsed.data).length === 0) return { issues: [`${path} holds no documents`] };
  const checked: CheckedDocument[] = [];
  const issues: string[] = [];
  for (const [id, text] of Object.entries(parsed.data)) {
    const result = checkDocument(id, text);
    if (result.ok) checked.push({ id: result.id, name: result.name, text, builtIn: result.builtIn });
    else issues.push(...result.issues);
  }
  return issues.length > 0 ? { issues } : { checked };
}

/** The id forms a client may quote (`sha256:<hex>`, any case) as the stored lowercase hex. */
const bareId = (id: string) => id.replace(/^sha(?:1|256):/i, '').toLowerCase();

async function runOperations(
  args: OperationsArgs,
  store: KeyStore,
  io: CliIo,
  clock: () => Date,
  json: boolean,
  documents: readonly CheckedDocument[] | undefined,
  vocabulary: KeyVocabulary | undefined,
): Promise<number> {
  const record = await store.getById(args.keyId);
  if (record === undefined) {
    io.err(`No API key with id ${args.keyId}.`);
    return 1;
  }
  switch (args.sub) {
    case 'list': {
      const rows = operationRows(record);
      if (json) io.out(JSON.stringify({ keyId: record.keyId, safelist: record.operations !== undefined, operations: rows }));
      else {
        io.out(
          record.operations === undefined
            ? `Key ${record.keyId} has no safelist (any operation its scopes allow); its documents can be sent by id.`
            : `Key ${record.keyId} may run only these operations:`,
        );
        for (const row of rows)
          io.out(
            `  ${row.name.padEnd(32)} ${row.id ?? '(built-in, schema/operations/)'}${row.registeredAt === undefined ? '' : `  registered ${row.registeredAt}`}`,
          );
        if (rows.length === 0) io.out('  (none)');
      }
      return 0;
    }
    case 'add': {
      const registeredAt = clock().toISOString();
      const added: string[] = [];
      const addedDocuments: CheckedDocument[] = [];
      const next = await store.updateOperations(record.keyId, (current) => {
        added.length = 0;
        addedDocuments.length = 0;
        const operations = current.operations === undefined ? undefined : [...current.operations];
        const kept = [...(current.documents ?? [])];
        for (const document of documents ?? []) {
          if (document.builtIn) {
            // a built-in is found by its id on every key; only a safelist needs its name
            if (operations !== undefined && !operations.includes(document.name)) {
              operations.push(document.name);
              added.push(`${document.name} (built-in)`);
              addedDocuments.push(document);
            }
          } else if (!kept.some((d) => d.id === document.id)) {
            kept.push({ id: document.id, name: document.name, text: document.text, registeredAt });
            added.push(`${document.name} ${document.id}`);
            addedDocuments.push(document);
          }
        }
        if (kept.length > MAX_DOCUMENTS_PER_KEY) {
          throw new Error(`a key holds at most ${MAX_DOCUMENTS_PER_KEY} documents; retire old ones first (operations retire)`);
        }
        return { operations, documents: kept };
      });
      if (next === undefined) {
        io.err(`No API key with id ${args.keyId}.`);
        return 1;
      }
      if (added.length === 0) io.out(`Nothing new for ${record.keyId}: every document was already registered.`);
      else {
        io.out(`Registered for ${record.keyId} (in effect at once):`);
        for (const line of added) io.out(`  ${line}`);
      }
      if (record.operations === undefined) io.out(`Note: ${record.keyId} has no safelist; these ids save sending the text, they restrict nothing.`);
      // Not a refusal: the gateway removes what a key may not read and answers the rest (filter mode), which a
      // document shared by several keys may rely on. But an operator should know before the frontend team does.
      for (const document of addedDocuments) {
        const unreadable = vocabulary?.unreadableFields?.(document.text, record.scopes) ?? [];
        if (unreadable.length > 0) io.out(`Note: with scopes ${record.scopes.join(',')}, ${document.name} will not get ${unreadable.join('; ')}.`);
      }
      return 0;
    }
    default: {
      const target = bareId(args.target);
      const retired: string[] = [];
      const next = await store.updateOperations(record.keyId, (current) => {
        retired.length = 0;
        const operations = current.operations?.filter((name) => {
          if (name !== args.target) return true;
          retired.push(`${name} (built-in)`);
          return false;
        });
        const documents = (current.documents ?? []).filter((d) => {
          if (d.name !== args.target && d.id !== target) return true;
          retired.push(`${d.name} ${d.id}`);
          return false;
        });
        return { operations, documents };
      });
      if (next === undefined) {
        io.err(`No API key with id ${args.keyId}.`);
        return 1;
      }
      if (retired.length === 0) {
        io.err(`Key ${record.keyId} has no operation named or with id ${args.target}.`);
        return 1;
      }
      io.out(`Retired from ${record.keyId} (in effect at once):`);
      for (const line of retired) io.out(`  ${line}`);
      if (next.operations !== undefined && next.operations.length === 0 && (next.documents ?? []).length === 0) {
        io.out(`Note: ${record.keyId}'s safelist is now empty: it can run no operation.`);
      }
      return 0;
    }
  }
}

function operationRows(record: ApiKeyRecord): { name: string; id?: string; registeredAt?: string }[] {
  return [
    ...(record.operations ?? []).map((name) => ({ name })),
    ...(record.documents ?? []).map((d: PersistedDocumentRecord) => ({ name: d.name, id: d.id, registeredAt: d.registeredAt })),
  ];
}

// The entry point is gateway/src/keys-cli.ts (`npm run keys`): it hands in the gateway's vocabulary of scopes and operations.
