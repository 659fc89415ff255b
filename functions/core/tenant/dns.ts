import { readFile } from 'node:fs/promises';
import { resolveTxt } from 'node:dns/promises';
import { config } from '../config.js';

/**
 * The TXT records of a name. In AWS a real DNS lookup; locally and in tests, the JSON file named
 * by DNS_TXT_FILE stands in for DNS ({"_portal-verify.ideas.brand.com": ["portal-verify=..."]}).
 */
export async function txtRecords(name: string): Promise<string[]> {
  const file = config().DNS_TXT_FILE;
  if (file) {
    const records = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, string[]>;
    return records[name] ?? [];
  }
  try {
    return (await resolveTxt(name)).map((chunks) => chunks.join(''));
  } catch {
    return []; // no such name yet: not verified
  }
}
