/**
 * Unknown fields, which the schema validators let through (Kubernetes' OpenAPI spec does not close its objects): every
 * object is type-checked as an object literal against the TypeScript interface kubernetes-models generates for its
 * kind from the same spec, so TypeScript's excess-property check names any field the API does not define (a misspelt
 * `readinesProbe` would otherwise be dropped by the API server without a word). One program for all objects: a few
 * seconds, whatever their number.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { K8sObject } from './render-kustomization.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** TS2353 "Object literal may only specify known properties", TS2561 the same with a "did you mean". */
const EXCESS_PROPERTY = new Set([2353, 2561]);

export interface LabelledObject {
  label: string;
  object: K8sObject;
}

export function unknownFieldProblems(entries: readonly LabelledObject[]): string[] {
  if (entries.length === 0) return [];
  // virtual, never written: at the repository root so that `kubernetes-models` resolves from node_modules
  const file = `${REPO}.manifest-fields-check.ts`;
  const lines = entries.map(
    ({ object }, i) => `import type { I${object.kind} as T${i} } from 'kubernetes-models/${object.apiVersion}/${object.kind}';`,
  );
  const starts: { line: number; id: string }[] = [];
  entries.forEach(({ label, object }, i) => {
    starts.push({ line: lines.length, id: `${label}: ${object.kind}/${object.metadata.name}` });
    lines.push(...`export const o${i}: T${i} = ${JSON.stringify(object, null, 1)};`.split('\n'));
  });
  const text = lines.join('\n');

  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => (name === file ? text : readFile(name));
  host.fileExists = (
    (exists) => (name: string) =>
      name === file || exists(name)
  )(host.fileExists.bind(host));
  host.getSourceFile = (name, version, onError, create) =>
    name === file ? ts.createSourceFile(name, text, version, true) : getSourceFile(name, version, onError, create);
  const program = ts.createProgram([file], options, host);
  const source = program.getSourceFile(file)!;

  const problems: string[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program, source)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (diagnostic.start === undefined) {
      problems.push(`fields: ${message}`);
      continue;
    }
    const at = source.getLineAndCharacterOfPosition(diagnostic.start).line;
    const owner = [...starts].reverse().find((s) => s.line <= at);
    if (owner === undefined)
      problems.push(`fields: ${message}`); // an import: an apiVersion/kind without a model
    else if (EXCESS_PROPERTY.has(diagnostic.code))
      problems.push(`${owner.id}: unknown field: ${message.replace(/^Object literal may only specify known properties, and /, '')}`);
  }
  return [...new Set(problems)];
}
