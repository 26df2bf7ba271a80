/**
 * The explorer's static files, read once from installed packages (GraphiQL 3's prebuilt browser bundle and React 18's
 * UMD builds, see docs/adr/0017-graphiql-explorer-offline.md) and from this folder. Nothing is fetched from a CDN, so
 * the explorer works on a shop's internal network and on a laptop on a train.
 *
 * Each file gets a content-hashed URL (`/explorer/assets/graphiql.3f2a9c1d04.js`): an upgrade of a package changes the
 * URL, so browsers may keep every file for a year without ever running an old bundle against a new page.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Where the hashed files are served; the page links them under this prefix. */
export const EXPLORER_ASSETS_PATH = '/explorer/assets/';

export type ExplorerAssetName = 'react' | 'react-dom' | 'graphiql-js' | 'graphiql-css' | 'explorer-js' | 'explorer-css';

export interface ExplorerAsset {
  name: ExplorerAssetName;
  /** the path the page links, e.g. `/explorer/assets/graphiql.3f2a9c1d04.js` */
  path: string;
  contentType: string;
  body: Buffer;
  /** the gzip of `body`, computed on first request: most deployments put no compressing proxy in front of us */
  gzipped(): Buffer;
}

export interface ExplorerAssets {
  byName(name: ExplorerAssetName): ExplorerAsset;
  byPath(path: string): ExplorerAsset | undefined;
}

const require = createRequire(import.meta.url);
/** A file of an installed package, found through its package.json (its `exports` do not list the browser bundles). */
const packageFile = (pkg: string, file: string): string => join(dirname(require.resolve(`${pkg}/package.json`)), file);
const ownFile = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** name → (file, URL stem, content type). The production builds: the development ones are 10× larger and warn in the console. */
const SOURCES: ReadonlyArray<{ name: ExplorerAssetName; file: () => string; stem: string; contentType: string }> = [
  { name: 'react', file: () => packageFile('react', 'umd/react.production.min.js'), stem: 'react', contentType: JS },
  { name: 'react-dom', file: () => packageFile('react-dom', 'umd/react-dom.production.min.js'), stem: 'react-dom', contentType: JS },
  { name: 'graphiql-js', file: () => packageFile('graphiql', 'graphiql.min.js'), stem: 'graphiql', contentType: JS },
  { name: 'graphiql-css', file: () => packageFile('graphiql', 'graphiql.min.css'), stem: 'graphiql', contentType: CSS },
  { name: 'explorer-js', file: () => ownFile('explorer-client.js'), stem: 'explorer', contentType: JS },
  { name: 'explorer-css', file: () => ownFile('explorer.css'), stem: 'explorer', contentType: CSS },
];

/**
 * The bundles end with a `sourceMappingURL` comment; we do not serve the 4 MB maps, so the comment would only make a
 * browser with devtools open ask for a file that is not there.
 */
export function stripSourceMapComment(text: string): string {
  return text.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n').replace(/\n?\/\*# sourceMappingURL=\S+ \*\/\s*$/, '\n');
}

/** Reads every asset (about 1.6 MB, once per process). Throws at start-up if an installed package lacks a file. */
export function loadExplorerAssets(): ExplorerAssets {
  const assets = SOURCES.map(({ name, file, stem, contentType }): ExplorerAsset => {
    const body = Buffer.from(stripSourceMapComment(readFileSync(file(), 'utf8')), 'utf8');
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const extension = contentType === CSS ? 'css' : 'js';
    let gzipped: Buffer | undefined;
    return {
      name,
      path: `${EXPLORER_ASSETS_PATH}${stem}.${hash}.${extension}`,
      contentType,
      body,
      gzipped: () => (gzipped ??= gzipSync(body)),
    };
  });
  const byName = new Map(assets.map((a) => [a.name, a]));
  const byPath = new Map(assets.map((a) => [a.path, a]));
  return {
    byName: (name) => {
      const asset = byName.get(name);
      if (asset === undefined) throw new Error(`no explorer asset ${name}`);
      return asset;
    },
    byPath: (path) => byPath.get(path),
  };
}
