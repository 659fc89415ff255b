/**
 * A sender as a mail header may carry it: SES refuses raw non-ASCII in an address's display name
 * ("Café Lumière"), so such a name becomes an RFC 2047 encoded word (UTF-8, base64); an ASCII name
 * stays quoted as composed.
 */
export function headerAddress(from: string): string {
  const match = /^"(.*)" <([^<>]+)>$/.exec(from);
  if (!match || /^[\x20-\x7e]*$/.test(match[1]!)) return from;
  return `=?UTF-8?B?${Buffer.from(match[1]!, 'utf8').toString('base64')}?= <${match[2]}>`;
}
