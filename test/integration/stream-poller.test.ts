import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { system } from '../../functions/core/context.js';
import { createTableInput } from '../../functions/core/db/table.js';
import { sendTemplate } from '../../functions/core/mail/index.js';
import { lastMessageTo } from '../support/outbox.js';
import { makeTenant } from '../support/tenants.js';

/**
 * The local stream poller (functions/local/streams.ts) keeps reading when its iterator stops
 * working. DynamoDB Local refuses an iterator taken on a then empty shard once another table's
 * stream has used the next sequence number; the cloud tier makes such a table in the same engine.
 */
describe('local stream poller', () => {
  it('still delivers the e-mails queued after another table with a stream is created', async () => {
    const client = new DynamoDBClient({
      endpoint: process.env.DYNAMODB_ENDPOINT,
      region: 'eu-west-3',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await client.send(new CreateTableCommand(createTableInput(`other-${randomBytes(4).toString('hex')}`)));
    client.destroy();
    const tenant = await makeTenant();
    const to = `poller-${randomBytes(4).toString('hex')}@example.test`;
    await sendTemplate(
      { tenant, actor: system },
      { to, lang: 'en', template: 'verify', link: 'https://x.test/verify?token=t', params: { name: 'P' } },
    );
    expect((await lastMessageTo(to)).to).toBe(to);
  });
});
