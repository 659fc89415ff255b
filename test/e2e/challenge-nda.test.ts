import { describe, expect, it } from 'vitest';
import { system } from '../../functions/core/context.js';
import { createMemberWithPassword } from '../support/members.js';
import { runningChallenge, teamMember } from '../support/challenges.js';
import { makeTenant } from '../support/tenants.js';
import { expectAccessible, signInOnPage } from './browser.js';
import { useServerAndBrowser } from './server.js';

const env = useServerAndBrowser();
const PASSWORD = 'a long enough secret phrase';
const SECRET = 'The rim is made in Turin by our supplier.';

describe('a confidential brief in the browser', () => {
  it('shows the agreement, and the confidential part once the member accepts it, without JavaScript (fr)', async () => {
    const tenant = await makeTenant({ defaultLang: 'fr' });
    const team = await teamMember(tenant);
    await createMemberWithPassword(
      { tenant, actor: system },
      { email: 'solver@example.test', displayName: 'Sol Solver', lang: 'fr', password: PASSWORD },
    );
    const challenge = await runningChallenge(tenant, team, new Date(Date.now() - 3600_000), {
      confidentialBrief: { fr: SECRET, en: SECRET },
      nda: { fr: 'Je garde ces informations pour moi.' },
    });
    const base = `http://${tenant.slug}.localhost:${env.port}`;
    const context = await env.browser.newContext({
      javaScriptEnabled: false,
      locale: 'fr',
      viewport: { width: 375, height: 740 },
    });
    const page = await context.newPage();
    await page.goto(`${base}/challenges/${challenge.id}`);
    await expect(page.locator('#confidential-heading').textContent()).resolves.toBe('Cahier des charges confidentiel');
    expect(await page.content()).not.toContain(SECRET);
    await signInOnPage(page, { base, email: 'solver@example.test', password: PASSWORD, lang: 'fr' });
    await page.goto(`${base}/challenges/${challenge.id}`);
    expect(await page.content()).toContain('Je garde ces informations pour moi.');
    expect(await page.content()).not.toContain(SECRET);
    await page.getByRole('button', { name: 'J’accepte l’accord' }).click();
    await page.waitForLoadState();
    await page.goto(`${base}/challenges/${challenge.id}`);
    await expect(page.locator('section[aria-labelledby="confidential-heading"]').textContent()).resolves.toContain(
      SECRET,
    );
    await context.close();
    // The page as the same reader sees it with scripts on, for axe.
    const checked = await env.browser.newPage({ locale: 'fr' });
    await signInOnPage(checked, { base, email: 'solver@example.test', password: PASSWORD, lang: 'fr' });
    await checked.goto(`${base}/challenges/${challenge.id}`);
    await expectAccessible(checked);
    await checked.close();
  }, 120_000);
});
