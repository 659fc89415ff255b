import { DynamoDBClient, GetItemCommand, PutItemCommand, CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTableInput } from '../../functions/core/db/table.js';
import { startDynamo } from '../../functions/local/dynamo.js';
import { freePort } from '../../functions/local/ports.js';

/** What `npm start` relies on: DynamoDB Local with a data folder keeps the table across a restart. */
describe('local data persistence', () => {
  it('keeps items after DynamoDB Local stops and starts again on the same folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portal-persist-'));
    const client = (endpoint: string) =>
      new DynamoDBClient({
        endpoint,
        region: 'local',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
    try {
      const first = await startDynamo({ port: await freePort(), dataDir });
      const c1 = client(first.endpoint);
      await c1.send(new CreateTableCommand(createTableInput('persisted')));
      await c1.send(
        new PutItemCommand({
          TableName: 'persisted',
          Item: { pk: { S: 'T#x' }, sk: { S: 'TENANT' }, name: { S: 'kept' } },
        }),
      );
      c1.destroy();
      await first.stop();

      const second = await startDynamo({ port: await freePort(), dataDir });
      const c2 = client(second.endpoint);
      const { Item } = await c2.send(
        new GetItemCommand({ TableName: 'persisted', Key: { pk: { S: 'T#x' }, sk: { S: 'TENANT' } } }),
      );
      expect(Item?.name?.S).toBe('kept');
      c2.destroy();
      await second.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
