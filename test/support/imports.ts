import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../..');
const coreDir = join(root, 'functions/core');

/** Every .ts and .svelte file under a folder of the repository. */
export function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === 'node_modules' || name.startsWith('.')) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
    }
  };
  walk(join(root, folder));
  return out;
}

export interface Import {
  /** The imported file, with its .ts or .svelte extension. */
  target: string;
  /** Erased at compile time (`import type`, or every name marked `type`): no edge at run time. */
  typeOnly: boolean;
}

/** The repository files a source file imports or re-exports (relative and `$core/` specifiers; packages are left out). */
export function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const code = file.endsWith('.svelte')
    ? [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n')
    : text;
  const source = ts.createSourceFile(file + '.ts', code, ts.ScriptTarget.Latest, false);
  const found: Import[] = [];
  for (const statement of source.statements) {
    let spec: string | undefined;
    let typeOnly = false;
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      spec = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : undefined;
      typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name && !!named && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)));
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      spec = statement.moduleSpecifier.text;
      typeOnly = statement.isTypeOnly;
    }
    const target = spec && resolveSpecifier(file, spec);
    if (target) found.push({ target, typeOnly });
  }
  return found;
}

function resolveSpecifier(file: string, spec: string): string | undefined {
  const base = spec.startsWith('$core/')
    ? join(coreDir, spec.slice(6))
    : spec.startsWith('.')
      ? resolve(dirname(file), spec)
      : undefined;
  if (!base) return undefined;
  if (/\.(svelte|ts)$/.test(base)) return base;
  return base.replace(/\.js$/, '') + '.ts';
}

/** The core folder a file belongs to (`idea`, `db`...), or undefined for a file at the core's root or outside the core. */
export function coreFolderOf(file: string): string | undefined {
  const rel = relative(coreDir, file);
  if (rel.startsWith('..')) return undefined;
  const parts = rel.split('/');
  return parts.length > 1 ? parts[0] : undefined;
}

export const repoPath = (file: string) => relative(root, file);
