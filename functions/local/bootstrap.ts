import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { db, tableName, createTableInput } from '../core/db/index.js';

/** Creates the table from the one definition in core/db, unless it already exists. */
export async function ensureTable(): Promise<'created' | 'existing'> {
  try {
    await db().send(new DescribeTableCommand({ TableName: tableName() }));
    return 'existing';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await db().send(new CreateTableCommand(createTableInput(tableName())));
  return 'created';
}
