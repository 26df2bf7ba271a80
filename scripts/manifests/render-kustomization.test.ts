import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyJson6902, KustomizeError, renderKustomization, strategicMerge } from './render-kustomization.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` (path → YAML text) into a fresh directory and returns it. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'kustomize-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const DEPLOYMENT = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: web
          image: omnigraph
          env:
            - { name: A, value: "1" }
            - { name: B, value: "2" }
        - name: sidecar
          image: other:1.0
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings }
data: { X: "1", Y: "2" }
`;

describe('strategicMerge', () => {
  it('merges containers and env by name, replaces lists without a merge key, deletes keys set to null', () => {
    const base = { spec: { containers: [{ name: 'a', image: 'x', env: [{ name: 'A', value: '1' }], args: ['1', '2'] }], keep: 1, drop: 2 } };
    const patch = {
      spec: {
        containers: [
          { name: 'a', env: [{ name: 'B', value: '2' }], args: ['3'] },
          { name: 'b', image: 'y' },
        ],
        drop: null,
      },
    };
    expect(strategicMerge(base, patch)).toEqual({
      spec: {
        containers: [
          {
            name: 'a',
            image: 'x',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
            args: ['3'],
          },
          { name: 'b', image: 'y' },
        ],
        keep: 1,
      },
    });
  });

  it('merges Service ports by port and container ports by containerPort', () => {
    expect(strategicMerge({ ports: [{ port: 80, name: 'http' }] }, { ports: [{ port: 80, targetPort: 'web' }, { port: 90 }] })).toEqual({
      ports: [{ port: 80, name: 'http', targetPort: 'web' }, { port: 90 }],
    });
    expect(strategicMerge({ ports: [{ containerPort: 80, name: 'http' }] }, { ports: [{ containerPort: 80, protocol: 'TCP' }] })).toEqual({
      ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }],
    });
  });
});

describe('applyJson6902', () => {
  it('adds, replaces, removes and tests, with escaped keys and the append index', () => {
    const doc = { metadata: { annotations: { 'a/b': 'x' } }, spec: { list: [1, 2], n: 1 } };
    const out = applyJson6902(doc, [
      { op: 'test', path: '/spec/n', value: 1 },
      { op: 'replace', path: '/spec/n', value: 2 },
      { op: 'add', path: '/spec/list/-', value: 3 },
      { op: 'add', path: '/spec/list/0', value: 0 },
      { op: 'remove', path: '/metadata/annotations/a~1b' },
    ]);
    expect(out).toEqual({ metadata: { annotations: {} }, spec: { list: [0, 1, 2, 3], n: 2 } });
    expect(doc.spec.n).toBe(1);
  });

  it('refuses a replace or remove of a missing path and a failed test', () => {
    expect(() => applyJson6902({ a: 1 }, [{ op: 'replace', path: '/b', value: 1 }])).toThrow(KustomizeError);
    expect(() => applyJson6902({ a: 1 }, [{ op: 'remove', path: '/a/b' }])).toThrow(KustomizeError);
    expect(() => applyJson6902({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }])).toThrow(/test \/a failed/);
    expect(() => applyJson6902({ a: 1 }, [{ op: 'move', from: '/a', path: '/b' }])).toThrow(/not supported/);
  });
});

describe('renderKustomization', () => {
  it('renders a base through an overlay: namespace, images, replicas, strategic-merge and JSON 6902 patches', () => {
    const root = tree({
      'base/kustomization.yaml': 'resources: [app.yaml]\n',
      'base/app.yaml': DEPLOYMENT,
      'overlay/kustomization.yaml': `
namespace: shop
resources: [../base]
images:
  - { name: omnigraph, newName: registry.example.com/omnigraph, newTag: "1.2.3" }
replicas:
  - { name: web, count: 1 }
patches:
  - path: settings.yaml
  - target: { kind: Deployment, name: web }
    patch: |-
      - op: add
        path: /spec/template/spec/containers/0/env/-
        value: { name: C, value: "3" }
`,
      'overlay/settings.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndata: { Y: "20", Z: "30" }\n',
    });
    const [deployment, configMap] = renderKustomization(join(root, 'overlay')) as unknown as [Record<string, any>, Record<string, any>];
    expect(deployment['metadata']).toEqual({ name: 'web', namespace: 'shop' });
    expect(deployment['spec'].replicas).toBe(1);
    const [web, sidecar] = deployment['spec'].template.spec.containers;
    expect(web.image).toBe('registry.example.com/omnigraph:1.2.3');
    expect(sidecar.image).toBe('other:1.0');
    expect(web.env.map((e: { name: string }) => e.name)).toEqual(['A', 'B', 'C']);
    expect(configMap['data']).toEqual({ X: '1', Y: '20', Z: '30' });
    expect(configMap['metadata'].namespace).toBe('shop');
  });

  it('applies a strategic-merge patch with a target to every match, keeping each name', () => {
    const root = tree({
      'kustomization.yaml':
        'resources: [a.yaml]\npatches:\n  - target: { kind: ConfigMap }\n    patch: |-\n      apiVersion: v1\n      kind: ConfigMap\n      metadata: { name: any }\n      data: { Z: "z" }\n',
      'a.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: one }\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: two }\ndata: { A: a }\n',
    });
    expect(renderKustomization(root).map((o) => [o.metadata.name, o['data']])).toEqual([
      ['one', { Z: 'z' }],
      ['two', { A: 'a', Z: 'z' }],
    ]);
  });

  it('refuses what it does not implement, a patch that matches nothing and duplicate resources', () => {
    const unsupported = tree({ 'kustomization.yaml': 'resources: []\nconfigMapGenerator: []\n' });
    expect(() => renderKustomization(unsupported)).toThrow(/"configMapGenerator" is not supported/);
    const orphan = tree({
      'kustomization.yaml': 'resources: [a.yaml]\npatches: [{ path: p.yaml }]\n',
      'a.yaml': DEPLOYMENT,
      'p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\nspec: { replicas: 1 }\n',
    });
    expect(() => renderKustomization(orphan)).toThrow(/no Deployment\/api to patch/);
    const twice = tree({ 'kustomization.yaml': 'resources: [a.yaml, b.yaml]\n', 'a.yaml': DEPLOYMENT, 'b.yaml': DEPLOYMENT });
    expect(() => renderKustomization(twice)).toThrow(/defined twice/);
  });
});
