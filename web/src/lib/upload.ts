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

/** The most precise message of an API error body: a field's message, else the general one. */
function firstReason(body: { error?: { message?: string; fields?: Record<string, string> } }): string {
  return Object.values(body.error?.fields ?? {})[0] ?? body.error?.message ?? 'Upload failed.';
}
