/** A vote from a list that the core refused (lib/server/list-vote.ts), as the card it names shows it. */
export function voteRefusal(form: { form?: string; message?: string } | null | undefined) {
  return form?.form?.startsWith('vote-') && form.message
    ? { ideaId: form.form.slice('vote-'.length), message: form.message }
    : null;
}
