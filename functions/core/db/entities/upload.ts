import type { UploadRecord } from '../../upload/index.js';
import { defineEntity } from '../entity.js';
import { keys } from '../keys.js';

/**
 * An upload's record: pending until its object is checked (a pending one expires with its TTL),
 * then ready. A ready one waits in its portal's UNATTACHED queue, by the time it became ready,
 * until it is attached (it leaves the queue) or expires (core/upload/unattached.ts).
 */
const entity = defineEntity<UploadRecord, [tenantId: string, uploadId: string]>({
  type: 'upload',
  key: keys.upload,
  indexes: (record, tenantId): Record<string, string> =>
    record.status !== 'pending' && record.readyAt && !record.attachedAt
      ? { queueKey: keys.queue(tenantId, 'UNATTACHED'), queueSort: record.readyAt }
      : {},
});

export const uploads = {
  ...entity,
  /** A portal's finished uploads not attached to anything, ready before `before`, oldest first (to expire them). */
  unattachedBefore: (tenantId: string, before: string) =>
    entity.queryAll({ index: 'byQueue', key: keys.queue(tenantId, 'UNATTACHED'), before }),
};

/** The bytes of checked files a member, or the whole portal (`PORTAL`), holds: what the storage quotas count. */
export const storageUses = defineEntity<{ bytes: number }, [tenantId: string, owner: string]>({
  type: 'storageUse',
  key: keys.storageUse,
});
