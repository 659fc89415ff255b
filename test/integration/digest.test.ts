import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { db, tableName } from '../../functions/core/db/client.js';
import { keys } from '../../functions/core/db/keys.js';
import { sendDigests } from '../../functions/core/notify/digest.js';
import { createNotification } from '../../functions/core/notify/index.js';
import { readOutbox } from '../../functions/local/outbox.js';
import { mailSent } from '../support/outbox.js';
import { makeMembers, makeTenant } from '../support/tenants.js';

describe('weekly digest', () => {
  it('sends one e-mail a week to members who chose the digest, listing their unread notifications', async () => {
    const tenant = await makeTenant({ defaultLang: 'fr', languages: ['fr', 'en'] });
    const [weekly, instant, quiet] = await makeMembers(tenant, 3);
    for (const m of [weekly!, quiet!]) {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.member(tenant.id, m.id),
          UpdateExpression: 'SET emailPrefs = :p',
          ExpressionAttributeValues: { ':p': 'digest' },
        }),
      );
    }
    const now = new Date();
    for (const m of [weekly!, instant!]) {
      await createNotification(tenant.id, m.id, {
        kind: 'comment',
        ideaId: '0000000000aaaaaaaaaa',
        ideaTitle: 'Gobelets consignés',
        actorName: 'Léa',
        createdAt: now.toISOString(),
      });
      await createNotification(tenant.id, m.id, {
        kind: 'status',
        ideaId: '0000000000aaaaaaaaaa',
        ideaTitle: 'Gobelets consignés',
        status: 'launched',
        createdAt: now.toISOString(),
      });
    }
    expect(await sendDigests(tenant, now)).toBe(1);
    expect(await sendDigests(tenant, now)).toBe(0);
    await mailSent();
    const digests = (await readOutbox()).filter((m) => m.tenant === tenant.slug && m.template === 'digest');
    expect(digests.map((m) => m.to)).toEqual([weekly!.email]);
    expect(digests[0]!.subject).toBe(`Your week on ${tenant.name.en}`);
    expect(digests[0]!.text).toContain('- Gobelets consignés → launched');
    expect(digests[0]!.text).toContain('- Gobelets consignés · Léa');
  });
});
