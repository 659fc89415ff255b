import { isLang } from '$core/tenant/browser';
import { render, type Text } from '$core/errors/browser';

/**
 * Sends one file from the browser straight to S3: the API creates the upload and a presigned
 * POST form, the file goes to S3 with it, then the API checks the stored object (finalize).
 * Resolves with the upload id; rejects with the reason the API gave, ready to show.
 */
export async function uploadFile(file: File): Promise<string> {
  const created = await fetch('/api/uploads', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ filename: file.name, contentType: file.type, size: file.size }),
  });
  const presigned = await created.json();
  if (!created.ok) throw new Error(firstReason(presigned));

  const body = new FormData();
  for (const [name, value] of Object.entries(presigned.fields as Record<string, string>)) body.append(name, value);
  body.append('file', file);
  // S3 answers this POST on its own origin; the finalize step below is what tells us the file is right.
  await fetch(presigned.url, { method: 'POST', body });

  const done = await fetch(`/api/uploads/${presigned.id}/finalize`, { method: 'POST' });
  if (!done.ok) throw new Error(firstReason(await done.json()));
  return presigned.id as string;
}

/** The most precise text of an API error body (a field's, else the general one), in the page's language. */
function firstReason(body: { error?: { texts?: { message: Text; fields: Record<string, Text> } } }): string {
  const texts = body.error?.texts;
  const text = Object.values(texts?.fields ?? {})[0] ?? texts?.message ?? { key: 'upload.failed' };
  return render(text, isLang(document.documentElement.lang) ? document.documentElement.lang : 'en');
}

/** One file of a form's upload list, as the page shows it. */
export type UploadEntry = { id?: string; name: string; state: 'uploading' | 'ready' | 'failed'; reason?: string };

/**
 * Uploads the files chosen in a file input, one after the other, into `entries` (the page's
 * $state list, so each line shows its progress), up to `max` files besides the failed ones.
 */
export async function uploadChosen(input: HTMLInputElement, entries: UploadEntry[], max: number): Promise<void> {
  const room = max - entries.filter((e) => e.state !== 'failed').length;
  for (const file of Array.from(input.files ?? []).slice(0, Math.max(0, room))) {
    entries.push({ name: file.name, state: 'uploading' });
    const item = entries[entries.length - 1]!;
    try {
      Object.assign(item, { id: await uploadFile(file), state: 'ready' });
    } catch (e) {
      Object.assign(item, { state: 'failed', reason: (e as Error).message });
    }
  }
  input.value = '';
}
