/**
 * `npm run schema:check` run for real (the script, git, composition) in a temporary git repository holding a copy of
 * schema/: a branch with a breaking subgraph change fails naming the coordinate, an additive one passes, and the base
 * is found the documented way (merge-base, SCHEMA_BASE_REF, a shallow clone without history).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSchemas } from './compose-schemas.ts';

const SCRIPT = fileURLToPath(new URL('./schema-check.ts', import.meta.url));
const SCHEMA = fileURLToPath(new URL('../schema/', import.meta.url));

const DESCRIBED_PATH = '  "the full path as Odoo writes it (complete_name), e.g. \\"All / Saleable / AGD drobne\\""\n  path: String!\n';

describe('npm run schema:check in a git repository', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  const erp = () => join(repo, 'schema', 'erp.graphql');
  const edit = (from: string, to: string) => {
    const text = readFileSync(erp(), 'utf8');
    expect(text).toContain(from);
    writeFileSync(erp(), text.replace(from, to));
  };
  /** what a developer does after editing a subgraph SDL: `npm run compose`, then commit it all */
  const composeAndCommit = (message: string) => {
    const composed = composeSchemas(pathToFileURL(join(repo, 'schema/')));
    if (!composed.ok) throw new Error(composed.errors.join('\n'));
    writeFileSync(join(repo, 'schema', 'api.graphql'), composed.apiSdl);
    writeFileSync(join(repo, 'schema', 'supergraph.graphql'), composed.supergraphSdl);
    git('commit', '-qam', message);
  };
  const check = (cwd = repo, env: Record<string, string> = {}) => {
    const run = spawnSync(process.execPath, [SCRIPT], { cwd, encoding: 'utf8', env: { ...process.env, SCHEMA_BASE_REF: '', ...env } });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  };

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'schema-check-'));
    cpSync(SCHEMA, join(repo, 'schema'), { recursive: true });
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@omnigraph.invalid');
    git('config', 'user.name', 'CI');
    git('add', '-A');
    git('commit', '-qm', 'the API schema clients have');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('passes on main with nothing changed', () => {
    const result = check();
    expect(result.output).toContain('no change breaks clients');
    expect(result.status).toBe(0);
  });

  it('fails on a branch that removes a field, naming its coordinate, even after the branch re-ran compose', () => {
    git('checkout', '-qb', 'breaking', 'main');
    edit(DESCRIBED_PATH, '');
    git('commit', '-qam', 'erp: drop Category.path');
    composeAndCommit('compose');
    // a later, unrelated commit on the branch: the base stays the merge-base with main, not the previous commit
    writeFileSync(join(repo, 'NOTES.md'), 'notes\n');
    git('add', 'NOTES.md');
    git('commit', '-qm', 'notes');
    const result = check();
    expect(result.status).toBe(1);
    expect(result.output).toContain('merge-base of HEAD with main');
    expect(result.output).toMatch(/✗ Category\.path {2}\[FIELD_REMOVED\]/);
    expect(result.output).toContain('why:');
  });

  it('passes on a branch that adds a field', () => {
    git('checkout', '-qb', 'additive', 'main');
    // a name no real change will take, so this test never collides with the schema it copies
    edit('  parent: Category\n', '  parent: Category\n  "added by the schema check\'s own test"\n  schemaCheckProbe: String\n');
    composeAndCommit('erp: Category.schemaCheckProbe');
    const result = check();
    expect(result.output).toMatch(/Category\.schemaCheckProbe {2}\[FIELD_ADDED\]/);
    expect(result.status).toBe(0);
  });

  it('compares with SCHEMA_BASE_REF when set, and refuses one that does not resolve', () => {
    git('checkout', '-q', 'additive');
    const against = check(repo, { SCHEMA_BASE_REF: 'breaking' });
    // from the breaking branch's schema, the additive branch brings Category.path back (safe) and adds the probe field
    expect(against.output).toContain('SCHEMA_BASE_REF=breaking');
    expect(against.status).toBe(0);
    const typo = check(repo, { SCHEMA_BASE_REF: 'no-such-branch' });
    expect(typo.status).toBe(2);
    expect(typo.output).toContain('SCHEMA_BASE_REF=no-such-branch does not name a commit');
  });

  it('does not crash in a shallow clone without main: it compares with the committed file', () => {
    const shallow = mkdtempSync(join(tmpdir(), 'schema-check-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', 'breaking', pathToFileURL(repo).href, shallow]);
      // a single-branch clone of one commit: no main to find a merge-base with, no parent
      const clean = check(shallow);
      expect(clean.output).toContain('HEAD itself');
      expect(clean.status).toBe(0);
      // a subgraph change not yet composed and committed is still judged
      const sdl = join(shallow, 'schema', 'erp.graphql');
      writeFileSync(sdl, readFileSync(sdl, 'utf8').replace('  parent: Category\n', ''));
      const edited = check(shallow);
      expect(edited.status).toBe(1);
      expect(edited.output).toContain('Category.parent');
    } finally {
      rmSync(shallow, { recursive: true, force: true });
    }
  });
});
