import { describe, expect, it } from 'vitest';
import { hostFromHeaders, normaliseHost } from '../../functions/core/tenant/host.js';
import { chooseLang } from '../../web/src/lib/i18n/index.js';

describe('host and language', () => {
  it('normalises hosts: case, port, trailing dot', () => {
    expect(normaliseHost('Cafe.LocalHost:3000')).toBe('cafe.localhost');
    expect(normaliseHost('ideas.brand.com.')).toBe('ideas.brand.com');
  });

  it('ignores x-forwarded-host unless the deployment trusts it', () => {
    const headers: Record<string, string> = { host: 'cafe.localhost', 'x-forwarded-host': 'motors.localhost' };
    expect(hostFromHeaders((n) => headers[n])).toBe('cafe.localhost');
  });

  it('chooses the asked, then the remembered, then the default language, among enabled ones', () => {
    const enabled = ['fr', 'en'] as const;
    expect(chooseLang({ asked: 'en', remembered: 'fr', enabled, fallback: 'fr' })).toBe('en');
    expect(chooseLang({ asked: null, remembered: 'en', enabled, fallback: 'fr' })).toBe('en');
    expect(chooseLang({ asked: 'de', remembered: undefined, enabled, fallback: 'fr' })).toBe('fr');
    expect(chooseLang({ asked: 'en', remembered: undefined, enabled: ['fr'], fallback: 'fr' })).toBe('fr');
  });
});
