import { describe, expect, it } from 'vitest';
import { app } from '../../functions/api/full.js';
import { system } from '../../functions/core/context.js';
import { submitIdea } from '../../functions/core/idea/index.js';
import { addComment } from '../../functions/core/comment/index.js';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { bucketName, s3 } from '../../functions/core/db/client.js';
import { brandImagePath, setSystemBrandImage } from '../../functions/core/tenant/index.js';
import { isBrandImagePath } from '../../functions/local/brand-images.js';
import { asMember, hostOf, makeMembers, makeTenant } from '../support/tenants.js';

const get = (host: string, path: string) => app.request(`http://${host}${path}`, { headers: { host } });

/** Tenant A's ids, cursors and files, tried on tenant B, give nothing away. */
describe('tenant isolation', () => {
  it('an idea id, a cursor and a logo of tenant A return nothing on tenant B', async () => {
    const a = await makeTenant();
    const b = await makeTenant();
    const [member] = await makeMembers(a, 1);
    const ideas = [];
    for (const n of [1, 2]) {
      ideas.push(
        await submitIdea(asMember(a, member!), {
          sectionId: 'product',
          title: `Secret idea ${n}`,
          body: 'Only tenant A may read this.',
        }),
      );
    }
    await addComment(asMember(a, member!), { ideaId: ideas[0]!.id, body: 'A private remark' });
    const aWithLogo = await setSystemBrandImage(
      { tenant: a, actor: system },
      { contentType: 'image/svg+xml', body: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>') },
    );

    // The id of A's idea on B's host: not found.
    const byId = await get(hostOf(b), `/api/ideas/${ideas[0]!.id}`);
    expect(byId.status).toBe(404);
    expect(JSON.stringify(await byId.json())).not.toContain('Secret');

    // A's cursor on B's host: refused, not followed.
    const page = await (await get(hostOf(a), '/api/sections/product/ideas?limit=1')).json();
    expect(page.cursor).toBeTruthy();
    const replay = await get(
      hostOf(b),
      `/api/sections/product/ideas?limit=1&cursor=${encodeURIComponent(page.cursor)}`,
    );
    expect(replay.status).toBe(400);
    expect((await replay.json()).error.code).toBe('invalid_cursor');

    // B's own lists and config show nothing of A.
    const bList = await (await get(hostOf(b), '/api/sections/product/ideas')).json();
    expect(bList.items).toEqual([]);
    // The logo's address comes from the tenant's own record: B names none, A's is under A's brand files,
    // the one prefix the edge serves (and the local server, as it does).
    expect((await (await get(hostOf(b), '/api/portal')).json()).logoUrl).toBeNull();
    const logoUrl = (await (await get(hostOf(a), '/api/portal')).json()).logoUrl as string;
    expect(logoUrl).toBe(brandImagePath(aWithLogo, 'logo'));
    expect(logoUrl.startsWith(`/tenants/${a.id}/brand/`)).toBe(true);
    expect(isBrandImagePath(logoUrl)).toBe(true);
    const stored = await s3().send(new GetObjectCommand({ Bucket: bucketName(), Key: logoUrl.slice(1) }));
    expect(await stored.Body!.transformToString()).toContain('<svg');
    expect(stored.CacheControl).toBe('public, max-age=31536000, immutable');
    // Nothing but brand files has such a path: an upload's key never matches it.
    expect(isBrandImagePath(`/tenants/${a.id}/uploads/${member!.id}/0000000000aaaaaaaaaa`)).toBe(false);
  });

  it('a forged cursor naming tenant B is refused: the signature covers the tenant', async () => {
    const a = await makeTenant();
    const b = await makeTenant();
    const [member] = await makeMembers(a, 1);
    for (const n of [1, 2])
      await submitIdea(asMember(a, member!), {
        sectionId: 'product',
        title: `Idea of A ${n}`,
        body: 'Body of an idea of A.',
      });
    const page = await (await get(hostOf(a), '/api/sections/product/ideas?limit=1')).json();
    const [payload, mac] = (page.cursor as string).split('.');
    const body = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...body, t: b.id })).toString('base64url')}.${mac}`;
    const res = await get(hostOf(b), `/api/sections/product/ideas?limit=1&cursor=${encodeURIComponent(forged)}`);
    expect(res.status).toBe(400);
  });
});
