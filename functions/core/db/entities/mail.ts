import type { Draft, Message } from '../../mail/index.js';
import { defineEntity } from '../entity.js';
import { keys } from '../keys.js';

/**
 * An e-mail written with (or right after) the state it describes, sent by the stream consumer:
 * a failure to send never undoes that state, and is retried with the batch. The item leaves the
 * queue once sent.
 */
export interface QueuedMail {
  tenantId: string;
  id: string;
  /** What to write (queued since the stream composes e-mails); `message` on items queued before. */
  draft?: Draft;
  message?: Message;
  queuedAt: string;
}

const mail = defineEntity<QueuedMail, [tenantId: string, mailId: string]>({
  type: 'mail',
  key: keys.mail,
  indexes: (item, _tenantId, mailId) => ({ queueKey: keys.mailQueue(), queueSort: `${item.queuedAt}#${mailId}` }),
});
export const mails = {
  ...mail,
  /** Whether any e-mail is still waiting to be sent (tests and tools wait for the queue to drain). */
  async anyWaiting(): Promise<boolean> {
    const { items } = await mail.query({ index: 'byQueue', key: keys.mailQueue() }, { limit: 1, projection: 'pk' });
    return items.length > 0;
  },
};
