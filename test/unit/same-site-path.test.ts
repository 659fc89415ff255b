import { describe, expect, it } from 'vitest';
import { sameSitePath } from '../../functions/core/http/index.js';

/** The `next` of the sign-in page: only a path of the portal itself. */
describe('sameSitePath', () => {
  it('keeps paths of the site, with their query and fragment', () => {
    expect(sameSitePath('/ideas/abc?sort=new#comments')).toBe('/ideas/abc?sort=new#comments');
    expect(sameSitePath('/team')).toBe('/team');
  });

  it('sends anything that leaves the site, or is not a path, home', () => {
    for (const bad of [
      '//evil.example',
      '/\\evil.example',
      '/\\/evil.example',
      '/\t/evil.example',
      '/%0a/evil.example'.replace('%0a', '\n'),
      'https://evil.example/',
      'javascript:alert(1)',
      'evil.example',
      '',
      null,
      undefined,
    ])
      expect(sameSitePath(bad), String(bad)).toBe('/');
  });
});
