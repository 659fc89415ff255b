import { describe, expect, it } from 'vitest';
import { mailboxOf } from '../../functions/core/db/entities/member.js';
import { client } from '../support/http.js';
import { lastMessageTo } from '../support/outbox.js';
import { signUpByMail } from '../support/signup.js';
import { hostOf, makeTenant } from '../support/tenants.js';

const PASSWORD = 'a long enough secret phrase';

/** One mailbox, one account per portal: `+tags` and ignored dots do not make new voters. */
describe('one account per mailbox', () => {
  it('reads the mailbox an address reaches', () => {
    expect(mailboxOf('Jane.Doe+ideas@Example.test')).toBe('jane.doe@example.test');
    expect(mailboxOf('j.a.n.e+1@gmail.com')).toBe('jane@gmail.com');
    expect(mailboxOf('Jane@GoogleMail.com')).toBe('jane@gmail.com');
    // Dots count at providers that deliver them apart.
    expect(mailboxOf('j.ane@example.test')).not.toBe(mailboxOf('jane@example.test'));
    expect(mailboxOf('+only@example.test')).toBe('+only@example.test');
  });

  it('refuses a second account for an alias of a taken mailbox, and signs the owner in by any of its addresses', async () => {
    const tenant = await makeTenant();
    const web = client(hostOf(tenant));
    expect(
      (await signUpByMail(web, { email: 'jane.doe@gmail.com', password: PASSWORD, displayName: 'Jane' })).status,
    ).toBe(201);
    for (const alias of ['jane.doe+2@gmail.com', 'janedoe@gmail.com', 'JaneDoe+vote@googlemail.com']) {
      const again = await client(hostOf(tenant)).post('/api/auth/signup', {
        email: alias,
        password: PASSWORD,
        displayName: 'Jane again',
      });
      // Answered as for a new address; no link goes to the alias, the account's owner is told instead.
      expect(again.status, alias).toBe(202);
      await expect(lastMessageTo(alias.toLowerCase()), alias).rejects.toThrow();
      expect((await lastMessageTo('jane.doe@gmail.com')).subject).toContain('already have an account');
    }
    const signedIn = await client(hostOf(tenant)).post('/api/auth/signin', {
      email: 'jane.doe+anything@gmail.com',
      password: PASSWORD,
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.json.profile.displayName).toBe('Jane');
    // Another portal is another set of accounts.
    const elsewhere = await makeTenant();
    expect(
      (
        await signUpByMail(client(hostOf(elsewhere)), {
          email: 'janedoe+2@gmail.com',
          password: PASSWORD,
          displayName: 'Jane',
        })
      ).status,
    ).toBe(201);
  });
});
