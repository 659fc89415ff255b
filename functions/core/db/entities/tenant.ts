import { keys } from '../keys.js';
import { queryAll } from '../query.js';

/** Every portal of the platform, for the platform's jobs (the weekly digest): the platform owns the tenant items. */
export const everyTenantId = async function* () {
  for await (const item of queryAll({
    IndexName: 'byOwner',
    KeyConditionExpression: 'ownerKey = :p',
    ExpressionAttributeValues: { ':p': keys.allTenants() },
  }))
    yield String(item.id);
};
