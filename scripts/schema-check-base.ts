/**
 * Which committed API schema `npm run schema:check` compares with, found with git alone so it works the same on a
 * developer's machine and on a clean (possibly shallow) CI clone. In order:
 *
 * 1. `SCHEMA_BASE_REF` (any commit-ish: `origin/main`, a tag, a hash), when set: CI systems that know the target
 *    branch of a merge request pass it. It must resolve; a typo fails the check instead of silently comparing with
 *    something else.
 * 2. The merge-base of HEAD with the main branch (`origin/<branch>`, else `<branch>`; `SCHEMA_BASE_BRANCH`, default
 *    `main`), when HEAD is not on it: the schema clients had before this branch, whatever the branch's own commits
 *    did — including a commit that re-ran `npm run compose`, so the branch's api.graphql already holds the change.
 * 3. HEAD's first parent: on main itself (the merge-base is HEAD), the schema before the last commit or merge.
 * 4. HEAD itself: a shallow clone of depth 1 or a first commit has no parent; the committed api.graphql is then the
 *    previous version, so at least a subgraph change that was not composed and committed is judged.
 *
 * A base without schema/api.graphql (the file did not exist yet) has nothing to compare with: the check passes.
 */
import { execFileSync } from 'node:child_process';

export const API_SCHEMA_PATH = 'schema/api.graphql';

export interface SchemaBase {
  /** the commit compared with, or undefined when there is no commit at all */
  commit: string | undefined;
  /** how it was chosen, printed with the result */
  how: string;
  /** schema/api.graphql at that commit, or undefined when it has none */
  sdl: string | undefined;
}

export interface FindSchemaBaseOptions {
  /** any directory inside the repository */
  cwd: string;
  env: Record<string, string | undefined>;
}

export class SchemaBaseError extends Error {}

export function findSchemaBase({ cwd, env }: FindSchemaBaseOptions): SchemaBase {
  const git = (...args: string[]): string | undefined => {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return undefined; // not a commit, no merge-base (shallow history), no such file: each case has a fallback
    }
  };
  const resolve = (ref: string) => git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
  const at = (commit: string | undefined, how: string): SchemaBase => ({
    commit,
    how,
    sdl: commit === undefined ? undefined : git('show', `${commit}:${API_SCHEMA_PATH}`)?.concat('\n'),
  });

  const requested = env['SCHEMA_BASE_REF'];
  if (requested !== undefined && requested !== '') {
    const commit = resolve(requested);
    if (commit === undefined) throw new SchemaBaseError(`SCHEMA_BASE_REF=${requested} does not name a commit in this clone (fetched deep enough?)`);
    return at(commit, `SCHEMA_BASE_REF=${requested}`);
  }
  const head = resolve('HEAD');
  if (head === undefined) return at(undefined, 'no commit yet');

  const branch = env['SCHEMA_BASE_BRANCH'] || 'main';
  for (const candidate of [`origin/${branch}`, branch]) {
    if (resolve(candidate) === undefined) continue;
    const mergeBase = git('merge-base', 'HEAD', candidate);
    if (mergeBase !== undefined && mergeBase !== head) return at(mergeBase, `merge-base of HEAD with ${candidate}`);
    if (mergeBase === head) break; // on the main branch (or behind it): the last commit is the change
  }
  const parent = resolve('HEAD^1');
  if (parent !== undefined) return at(parent, "HEAD's first parent");
  return at(head, 'HEAD itself (no parent in this clone: shallow or first commit)');
}
