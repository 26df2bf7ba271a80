/**
 * Renders a Kustomize directory offline, for the manifest check in CI (no kustomize or kubectl binary can be fetched
 * on the build machines, and no npm package ships one). Only the subset our overlays use is implemented, with
 * Kustomize's semantics; any other field is refused, so a new feature cannot be silently ignored — `kubectl kustomize`
 * renders the same directories identically (docs/adr/0007-node-24-type-stripping-and-deployment.md).
 *
 * Supported: `resources` (files and directories), `namespace`, `images` (newName, newTag, digest), `replicas`, and
 * `patches` (file or inline; a YAML list is a JSON 6902 patch applied to `target`, a mapping is a strategic-merge
 * patch for the resource of the same kind and name, or for every `target` match).
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export class KustomizeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KustomizeError';
  }
}

const KNOWN_FIELDS = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'replicas', 'patches']);

/** Kinds that are never namespaced among those we may render (Kustomize leaves their namespace alone). */
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PriorityClass', 'StorageClass']);

interface PatchTarget {
  kind?: string;
  name?: string;
}

interface PatchEntry {
  path?: string;
  patch?: string;
  target?: PatchTarget;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses every YAML document of a file (empty documents skipped); YAML errors name the file. */
export function readYamlDocuments(file: string): unknown[] {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  const out: unknown[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new KustomizeError(`${file}: ${doc.errors[0]!.message}`);
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

function asK8sObject(value: unknown, source: string): K8sObject {
  if (!isObject(value) || typeof value['apiVersion'] !== 'string' || typeof value['kind'] !== 'string') {
    throw new KustomizeError(`${source}: a resource needs apiVersion and kind`);
  }
  const metadata = value['metadata'];
  if (!isObject(metadata) || typeof metadata['name'] !== 'string' || metadata['name'] === '') {
    throw new KustomizeError(`${source}: ${String(value['kind'])} without metadata.name`);
  }
  return value as unknown as K8sObject;
}

/** Renders the kustomization in `dir` into the list of objects `kubectl kustomize dir` would print. */
export function renderKustomization(dir: string): K8sObject[] {
  const absolute = resolve(dir);
  const file = join(absolute, 'kustomization.yaml');
  const [config] = readYamlDocuments(file);
  if (!isObject(config)) throw new KustomizeError(`${file}: not a mapping`);
  for (const key of Object.keys(config)) {
    if (!KNOWN_FIELDS.has(key)) throw new KustomizeError(`${file}: field "${key}" is not supported by the offline renderer`);
  }

  let objects: K8sObject[] = [];
  for (const entry of (config['resources'] as Json[] | undefined) ?? []) {
    if (typeof entry !== 'string') throw new KustomizeError(`${file}: resources must be paths`);
    const path = resolve(absolute, entry);
    if (statSync(path).isDirectory()) objects.push(...renderKustomization(path));
    else objects.push(...readYamlDocuments(path).map((doc) => asK8sObject(doc, path)));
  }
  assertUnique(objects, file);

  for (const entry of (config['patches'] as Json[] | undefined) ?? []) {
    if (!isObject(entry)) throw new KustomizeError(`${file}: a patch must be a mapping`);
    objects = applyPatch(objects, entry as PatchEntry, absolute, file);
  }

  for (const entry of (config['replicas'] as Json[] | undefined) ?? []) {
    if (!isObject(entry) || typeof entry['name'] !== 'string' || typeof entry['count'] !== 'number') {
      throw new KustomizeError(`${file}: replicas entries need name and count`);
    }
    const { name, count } = entry;
    const matches = objects.filter((o) => o.metadata.name === name && ['Deployment', 'StatefulSet', 'ReplicaSet'].includes(o.kind));
    if (matches.length === 0) throw new KustomizeError(`${file}: replicas: no workload named ${name}`);
    for (const o of matches) (o['spec'] as JsonObject)['replicas'] = count;
  }

  for (const entry of (config['images'] as Json[] | undefined) ?? []) {
    if (!isObject(entry) || typeof entry['name'] !== 'string') throw new KustomizeError(`${file}: images entries need a name`);
    for (const o of objects) rewriteImages(o as unknown as JsonObject, entry);
  }

  const namespace = config['namespace'];
  if (namespace !== undefined) {
    if (typeof namespace !== 'string') throw new KustomizeError(`${file}: namespace must be a string`);
    for (const o of objects) if (!CLUSTER_SCOPED.has(o.kind)) o.metadata.namespace = namespace;
  }
  return objects;
}

function assertUnique(objects: K8sObject[], file: string): void {
  const seen = new Set<string>();
  for (const o of objects) {
    const id = `${o.kind}/${o.metadata.name}`;
    if (seen.has(id)) throw new KustomizeError(`${file}: ${id} is defined twice`);
    seen.add(id);
  }
}

function applyPatch(objects: K8sObject[], entry: PatchEntry, dir: string, file: string): K8sObject[] {
  for (const key of Object.keys(entry)) {
    if (!['path', 'patch', 'target'].includes(key)) throw new KustomizeError(`${file}: patch field "${key}" is not supported`);
  }
  const source = entry.path !== undefined ? resolve(dir, entry.path) : `${file} (inline patch)`;
  const docs = entry.path !== undefined ? readYamlDocuments(source) : parseInline(entry.patch, file);
  if (docs.length !== 1) throw new KustomizeError(`${source}: a patch holds exactly one document`);
  const patch = docs[0];
  const target = entry.target;
  const matches = (o: K8sObject) =>
    target === undefined || ((target.kind === undefined || o.kind === target.kind) && (target.name === undefined || o.metadata.name === target.name));

  if (Array.isArray(patch)) {
    if (target === undefined) throw new KustomizeError(`${source}: a JSON 6902 patch needs a target`);
    const hit = objects.filter(matches);
    if (hit.length === 0) throw new KustomizeError(`${source}: the target matches no resource`);
    return objects.map((o) => (matches(o) ? (applyJson6902(o as unknown as JsonObject, patch as Json[], source) as unknown as K8sObject) : o));
  }
  if (!isObject(patch)) throw new KustomizeError(`${source}: a patch is a list (JSON 6902) or a mapping (strategic merge)`);
  const self = asK8sObject(patch, source);
  const selected = (o: K8sObject) => (target === undefined ? o.kind === self.kind && o.metadata.name === self.metadata.name : matches(o));
  if (!objects.some(selected)) throw new KustomizeError(`${source}: no ${self.kind}/${self.metadata.name} to patch`);
  return objects.map((o) => {
    if (!selected(o)) return o;
    // a target patch keeps each resource's own identity
    const body = target === undefined ? patch : { ...patch, metadata: { ...(patch['metadata'] as JsonObject), name: o.metadata.name } };
    return mergeJson(o as unknown as JsonObject, body, '') as unknown as K8sObject;
  });
}

function parseInline(text: string | undefined, file: string): unknown[] {
  if (typeof text !== 'string') throw new KustomizeError(`${file}: a patch needs path or patch`);
  const docs = parseAllDocuments(text);
  for (const doc of docs) if (doc.errors.length > 0) throw new KustomizeError(`${file}: inline patch: ${doc.errors[0]!.message}`);
  return docs.map((d) => d.toJS() as unknown).filter((v) => v !== null && v !== undefined);
}

/**
 * Lists Kubernetes merges element by element instead of replacing (the `patchMergeKey` of the API types we use);
 * every other list is replaced whole, as the strategic merge does for lists without a merge key.
 */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  volumes: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  topologySpreadConstraints: 'topologyKey',
};

/** Kubernetes' strategic merge patch for the fields above: maps merge, `null` deletes a key, keyed lists merge by key. */
export function strategicMerge(base: unknown, patch: unknown): unknown {
  return mergeJson(base as Json, patch as Json, '');
}

function mergeJson(base: Json, patch: Json, field: string): Json {
  if (isObject(base) && isObject(patch)) {
    if ('$patch' in patch) throw new KustomizeError('$patch directives are not supported by the offline renderer');
    const out: JsonObject = { ...base };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete out[key];
      else out[key] = key in base ? mergeJson(base[key]!, value, key) : value;
    }
    return out;
  }
  if (Array.isArray(base) && Array.isArray(patch)) {
    // Service ports merge by port, container ports by containerPort
    const key = field === 'ports' && base.some((p) => isObject(p) && 'port' in p) ? 'port' : MERGE_KEYS[field];
    if (!key) return patch;
    const out = [...base];
    for (const item of patch) {
      const index = isObject(item) ? out.findIndex((b) => isObject(b) && b[key] === item[key]) : -1;
      if (index >= 0) out[index] = mergeJson(out[index]!, item, '');
      else out.push(item);
    }
    return out;
  }
  return patch;
}

/** RFC 6902 over a copy of `doc`: add, remove, replace, test (the operations an overlay needs). */
export function applyJson6902(doc: object, ops: readonly unknown[], source = 'patch'): Record<string, unknown> {
  const root = structuredClone(doc) as JsonObject;
  for (const raw of ops) {
    if (!isObject(raw) || typeof raw['op'] !== 'string' || typeof raw['path'] !== 'string') {
      throw new KustomizeError(`${source}: every operation needs op and path`);
    }
    const { op, path } = raw;
    if (!['add', 'remove', 'replace', 'test'].includes(op)) throw new KustomizeError(`${source}: op "${op}" is not supported`);
    const tokens =
      path === ''
        ? []
        : path
            .split('/')
            .slice(1)
            .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
    if (tokens.length === 0) throw new KustomizeError(`${source}: ${op} on the whole document is not supported`);
    const last = tokens.pop()!;
    let parent: Json = root;
    for (const token of tokens) {
      const next: Json | undefined = Array.isArray(parent) ? parent[Number(token)] : isObject(parent) ? parent[token] : undefined;
      if (next === undefined || next === null) throw new KustomizeError(`${source}: ${op} ${path}: ${token} does not exist`);
      parent = next;
    }
    const exists = Array.isArray(parent) ? last === '-' || Number(last) < parent.length : isObject(parent) && last in parent;
    if (op !== 'add' && !exists) throw new KustomizeError(`${source}: ${op} ${path}: the path does not exist`);
    const value = raw['value'];
    if ((op === 'add' || op === 'replace' || op === 'test') && value === undefined)
      throw new KustomizeError(`${source}: ${op} ${path} needs a value`);
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : Number(last);
      if (!Number.isInteger(index) || index < 0 || index > parent.length) throw new KustomizeError(`${source}: ${op} ${path}: bad index`);
      if (op === 'add') parent.splice(index, 0, value!);
      else if (op === 'remove') parent.splice(index, 1);
      else if (op === 'replace') parent[index] = value!;
      else assertEqual(parent[index], value, source, path);
    } else if (isObject(parent)) {
      if (op === 'add' || op === 'replace') parent[last] = value!;
      else if (op === 'remove') delete parent[last];
      else assertEqual(parent[last], value, source, path);
    } else {
      throw new KustomizeError(`${source}: ${op} ${path}: the parent is not a container`);
    }
  }
  return root;
}

function assertEqual(actual: unknown, expected: unknown, source: string, path: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new KustomizeError(`${source}: test ${path} failed`);
}

/** The `images` transformer: every container image whose name (without tag or digest) equals `name`. */
function rewriteImages(node: Json, entry: JsonObject): void {
  if (Array.isArray(node)) {
    for (const item of node) rewriteImages(item, entry);
    return;
  }
  if (!isObject(node)) return;
  for (const listKey of ['containers', 'initContainers']) {
    const list = node[listKey];
    if (!Array.isArray(list)) continue;
    for (const container of list) {
      if (!isObject(container) || typeof container['image'] !== 'string') continue;
      const image = container['image'];
      const match = /^(?<name>[^@:]+(?::\d+\/[^@:]+)?)(?::(?<tag>[^@]+))?(?:@(?<digest>.+))?$/.exec(image);
      if (!match || match.groups!['name'] !== entry['name']) continue;
      const name = typeof entry['newName'] === 'string' ? entry['newName'] : match.groups!['name']!;
      if (typeof entry['digest'] === 'string') container['image'] = `${name}@${entry['digest']}`;
      else if (typeof entry['newTag'] === 'string') container['image'] = `${name}:${entry['newTag']}`;
      else container['image'] = image.replace(match.groups!['name']!, name);
    }
  }
  for (const value of Object.values(node)) if (typeof value === 'object' && value !== null) rewriteImages(value, entry);
}
