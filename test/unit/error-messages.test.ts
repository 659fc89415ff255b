import { describe, expect, it } from 'vitest';
import { translateError } from '../../web/src/lib/i18n/errors.js';

describe('the core’s messages in the reader’s language', () => {
  it('says field codes in full in both languages', () => {
    expect(translateError('taken', 'en')).toBe('This address is already in use.');
    expect(translateError('taken', 'fr')).toBe('Cette adresse est déjà utilisée.');
  });

  it('gives upload verdicts in French with the file’s own figures', () => {
    expect(translateError('PNG, JPEG, WebP or PDF only.', 'fr')).toBe('PNG, JPEG, WebP ou PDF seulement.');
    expect(translateError('It is not a PNG, JPEG, WebP or PDF file (declared PDF).', 'fr')).toBe(
      'Ce n’est pas un fichier PNG, JPEG, WebP ou PDF (déclaré PDF).',
    );
    expect(translateError('It is 12 bytes, not the 64 bytes declared.', 'fr')).toBe(
      'Il fait 12 octets, et non les 64 déclarés.',
    );
    expect(translateError('It is a PDF file, not the PNG declared.', 'en')).toBe(
      'It is a PDF file, not the PNG declared.',
    );
  });

  it('names a missing idea in French and leaves an unknown message as written', () => {
    expect(translateError('No such idea.', 'fr')).toBe('Cette idée n’existe pas.');
    expect(translateError('Something new.', 'fr')).toBe('Something new.');
  });
});
