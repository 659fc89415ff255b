import { afterAll, describe, expect, it } from 'vitest';
import { handler as api } from '../../functions/handlers/api.js';
import { SECURITY_HEADERS } from '../../functions/core/http/index.js';
import { ORIGIN_HEADER } from '../../functions/handlers/edge-only.js';
import { handler as web } from '../../functions/handlers/web.js';
import { apiGatewayEvent } from '../support/lambda.js';
import { hostOf, makeTenant } from '../support/tenants.js';

// As the stack sets it: the current secret and the previous one (read lazily by config(), after this line).
const [current, previous] = ['c'.repeat(48), 'p'.repeat(48)];
const before = process.env.ORIGIN_SECRETS;
process.env.ORIGIN_SECRETS = `${current},${previous}`;
process.env.TRUST_FORWARDED_HOST = 'true';
afterAll(() => {
  process.env.ORIGIN_SECRETS = before;
});

/** A request to a function URL that did not come through CloudFront (no secret header, or a wrong one). */
describe('request-path functions behind the edge', () => {
  it('answer 403 to a call around CloudFront, whatever host it forges, and serve the edge with either secret', async () => {
    const tenant = await makeTenant({ name: { en: 'Edge only' } });
    const viaUrl = { host: 'abc.lambda-url.eu-west-3.on.aws', 'x-forwarded-host': hostOf(tenant) };
    for (const headers of [viaUrl, { ...viaUrl, [ORIGIN_HEADER]: 'guess' }, { ...viaUrl, [ORIGIN_HEADER]: '' }]) {
      expect((await api(apiGatewayEvent('GET', '/api/portal', headers))).statusCode).toBe(403);
      expect((await web(apiGatewayEvent('GET', '/', headers))).statusCode).toBe(403);
    }
    for (const secret of [current, previous]) {
      const res = await api(apiGatewayEvent('GET', '/api/portal', { ...viaUrl, [ORIGIN_HEADER]: secret }));
      expect(res.statusCode).toBe(200);
      expect(JSON.parse(res.body).name.en).toBe('Edge only');
    }
    const page = await web(apiGatewayEvent('GET', '/', { ...viaUrl, [ORIGIN_HEADER]: current }));
    expect(page.statusCode).toBe(200);
  });

  it('send the security headers with every page and API answer, refusals included', async () => {
    const tenant = await makeTenant();
    const headers = {
      host: 'abc.lambda-url.eu-west-3.on.aws',
      'x-forwarded-host': hostOf(tenant),
      [ORIGIN_HEADER]: current,
    };
    const answers = [
      await api(apiGatewayEvent('GET', '/api/portal', headers)),
      await api(apiGatewayEvent('GET', '/api/ideas/not-an-id', headers)),
      await web(apiGatewayEvent('GET', '/', headers)),
      await web(apiGatewayEvent('GET', '/no-such-page', headers)),
      await web(apiGatewayEvent('GET', '/team', headers)), // a visitor sent to sign in
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 400, 200, 404, 303]);
    const { 'content-security-policy': policy, ...others } = SECURITY_HEADERS;
    for (const answer of answers) {
      expect(answer.headers).toMatchObject(others);
      // Pages put their own script-src first; the shared directives are always there.
      expect(String(answer.headers?.['content-security-policy'])).toMatch(new RegExp(`(^|; )${policy}$`));
    }
  });
});
