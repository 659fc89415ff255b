import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coreFolderOf, importsOf, repoPath, sourceFiles } from '../support/imports.js';

const outsideTests = [...sourceFiles('functions'), ...sourceFiles('web/src'), ...sourceFiles('infra')];
/** A folder's declared surfaces: index.ts for the server side, browser.ts for what pages may ship to the browser. */
const surface = /\/core\/[a-z-]+\/(index|browser)\.ts$/;

/** Every cycle met by a depth-first walk of a graph, written `a -> b -> a`. */
function cyclesOf(edges: Map<string, Set<string>>): string[] {
  const cycles: string[] = [];
  const visiting: string[] = [];
  const done = new Set<string>();
  const visit = (node: string) => {
    if (done.has(node)) return;
    const at = visiting.indexOf(node);
    if (at >= 0) return void cycles.push([...visiting.slice(at), node].join(' -> '));
    visiting.push(node);
    for (const next of edges.get(node) ?? []) visit(next);
    visiting.pop();
    done.add(node);
  };
  for (const node of edges.keys()) visit(node);
  return cycles;
}

describe('core boundaries', () => {
  it('nothing outside a core folder imports its inside: only its index.ts (or browser.ts)', () => {
    const deep = outsideTests.flatMap((file) =>
      importsOf(file)
        .filter(
          ({ target }) => coreFolderOf(target) && coreFolderOf(target) !== coreFolderOf(file) && !surface.test(target),
        )
        .map(({ target }) => `${repoPath(file)} -> ${repoPath(target)}`),
    );
    expect(deep).toEqual([]);
  });

  it('core folders depend on each other without cycles (type-only imports aside)', () => {
    const edges = new Map<string, Set<string>>();
    for (const file of sourceFiles('functions/core')) {
      // A folder is one node; a file at the core's root (authz.ts, context.ts...) is a node of its own.
      const from = coreFolderOf(file) ?? repoPath(file);
      for (const { target, typeOnly } of importsOf(file)) {
        const to = coreFolderOf(target) ?? repoPath(target);
        if (!typeOnly && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    const cycles = cyclesOf(edges);
    expect(cycles).toEqual([]);
  });

  it('no module of the functions imports itself back through others (type-only imports aside)', () => {
    const edges = new Map<string, Set<string>>();
    for (const file of sourceFiles('functions')) {
      for (const { target, typeOnly } of importsOf(file)) {
        if (!typeOnly) edges.set(repoPath(file), (edges.get(repoPath(file)) ?? new Set()).add(repoPath(target)));
      }
    }
    expect(cyclesOf(edges)).toEqual([]);
  });

  it('every core function made with fn is marked pure, so bundles leave out the ones a function does not use', () => {
    const unmarked = sourceFiles('functions/core').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /=\s*fn\(/.test(line))
        .map((line) => `${repoPath(file)}: ${line.trim()}`),
    );
    expect(unmarked).toEqual([]);
  });

  it('outside core/db, no module builds a DynamoDB request itself: each calls an entity’s access patterns', () => {
    // A request of its own: the client, the SDK's commands, a transaction item written by hand, a raw query.
    const rawRequest = /db\(\)|@aws-sdk\/lib-dynamodb|\b(Put|Update|Delete|ConditionCheck): \{|queryAll\(|ownedBy\(/;
    const raw = sourceFiles('functions/core')
      .filter((file) => coreFolderOf(file) !== 'db')
      .filter((file) => rawRequest.test(readFileSync(file, 'utf8')))
      .map(repoPath)
      .sort();
    expect(raw).toEqual([]);
  });
});
