import { parseArgs } from 'node:util';
import { z } from 'zod';
import { configIssuesOf } from '@omnigraph/shared/config';
import type { Env } from '@omnigraph/shared/config';
import type { ApiKeyRecord } from './api-key-record.ts';
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

Scopes and --operations must be ones the graph declares and schema/operations/ registers.

Store: Redis when REDIS_URL is set, else the file OMNIGRAPH_KEY_STORE_FILE (default ./.omnigraph-keys.json).`;

const COMMANDS = ['create', 'list', 'show', 'usage', 'rotate', 'revoke', 'purge'];

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
    `  safelist:   ${record.operations === undefined ? 'none (any operation its scopes allow)' : record.operations.join(',')}`,
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
    r.operations === undefined ? '-' : r.operations.join(','),
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
  };
  const argSchema = argSchemas[command];
  if (argSchema !== undefined) {
    const input = command === 'create' ? values : { ...values, keyId: rest[0] };
    const result = argSchema.safeParse(input);
    if (result.success) args = result.data;
    else issues.push(...configIssuesOf(result.error, 'arguments'));
  }
  if (command === 'create' && args !== undefined && io.vocabulary !== undefined) {
    issues.push(...vocabularyIssues(args as CreateArgs, io.vocabulary()));
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

// The entry point is gateway/src/keys-cli.ts (`npm run keys`): it hands in the gateway's vocabulary of scopes and operations.
