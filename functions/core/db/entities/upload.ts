import type { UploadRecord } from '../../upload/index.js';
import { defineEntity } from '../entity.js';
import { keys } from '../keys.js';

/** An upload's record: pending until its object is checked, then ready (a pending one expires with its TTL). */
export const uploads = defineEntity<UploadRecord, [tenantId: string, uploadId: string]>({
  type: 'upload',
  key: keys.upload,
});

/** The bytes of checked files a member, or the whole portal (`PORTAL`), holds: what the storage quotas count. */
export const storageUses = defineEntity<{ bytes: number }, [tenantId: string, owner: string]>({
  type: 'storageUse',
  key: keys.storageUse,
});
