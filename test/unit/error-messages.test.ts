import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError, parseInput, render, said, say, says } from '../../functions/core/errors/index.js';
import { en } from '../../functions/core/errors/en.js';
import { fr } from '../../functions/core/errors/fr.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the core’s messages in the reader’s language', () => {
  it('says a taken address in full in both languages', () => {
    expect(render(say('account.emailInUse'), 'en')).toBe('This address is already in use.');
    expect(render(say('account.emailInUse'), 'fr')).toBe('Cette adresse est déjà utilisée.');
  });

  it('gives upload verdicts in French with the file’s own figures', () => {
    expect(render(say('upload.types'), 'fr')).toBe('PNG, JPEG, WebP ou PDF seulement.');
    expect(render(say('upload.unknownType', { declared: 'PDF' }), 'fr')).toBe(
      'Ce n’est pas un fichier PNG, JPEG, WebP ou PDF (déclaré PDF).',
    );
    expect(render(say('upload.sizeMismatch', { size: 12, declared: 64 }), 'fr')).toBe(
      'Il fait 12 octets, et non les 64 déclarés.',
    );
    expect(render(say('upload.typeMismatch', { real: 'PDF', declared: 'PNG' }), 'en')).toBe(
      'It is a PDF file, not the PNG declared.',
    );
  });

  it('names a missing idea in French', () => {
    expect(said(new DomainError('idea_not_found', 404, say('notFound.idea')), 'fr').message).toBe(
      'Cette idée n’existe pas.',
    );
  });

  it('writes numbers the reader’s way, and a text given as a parameter in the same language', () => {
    expect(render(say('input.maxChars', { max: 10_000 }), 'en')).toBe('At most 10,000 characters.');
    expect(render(say('input.maxChars', { max: 10_000 }), 'fr')).toBe('Au plus 10\u202f000 caractères.');
    const refused = say('upload.refused', { why: say('upload.isEmpty') });
    expect(render(refused, 'fr')).toBe('Le fichier a été refusé. Il est vide.');
  });

  it('has every text in French with the same parameters as in English', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(fr[key], key).toBeTruthy();
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('turns zod’s issues into texts with their bounds, in both languages', () => {
    const Schema = z.object({
      title: z.string().min(8),
      tags: z.array(z.string()).max(2, says('idea.maxTags')),
      name: z.string().min(1),
    });
    try {
      parseInput(Schema, { title: 'short', tags: ['a', 'b', 'c'], name: '' });
      expect.unreachable();
    } catch (e) {
      const error = e as DomainError;
      expect(error.fields).toEqual({ title: 'At least 8 characters.', tags: 'At most 2 tags.', name: 'Required.' });
      expect(said(error, 'fr').fields).toEqual({
        title: 'Au moins 8 caractères.',
        tags: 'Au plus 2 étiquettes.',
        name: 'Obligatoire.',
      });
      expect(error.toJSON().error.texts.fields.tags).toEqual({ key: 'idea.maxTags', params: { max: 2 } });
    }
  });
});

describe('the core writes no sentence outside its dictionaries', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });

  it('every DomainError and zod message is a key', () => {
    const offenders: string[] = [];
    for (const file of [...files('functions/core'), ...files('functions/api')]) {
      if (file.includes('/errors/')) continue;
      const source = readFileSync(file, 'utf8');
      // A sentence handed to a DomainError, or to a zod check as its message.
      const pattern =
        /new DomainError\([^)]*?,\s*\d{3},\s*['`]|\.(?:min|max|regex|refine|email|length)\([^)]*?,\s*['`]/g;
      for (const match of source.matchAll(pattern)) offenders.push(`${file}: ${match[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});
