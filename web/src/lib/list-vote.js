// Votes from a list of ideas without leaving it: the one script of pages that ship no app code
// (the portal home). Each `form.vote` (lib/components/ideas/VoteControl.svelte) posts without JavaScript; here
// its vote goes through the API instead, and the buttons' counts, pressed states and names change
// in place while the keyboard focus stays on the button pressed. Whatever the API refuses (or an
// unreachable network), the form posts as it would without JavaScript: the page comes back at
// the idea with the refusal, in the reader's language.
const plurals = new Intl.PluralRules(document.documentElement.lang || 'en');

/** A text with its placeholders filled, in one pass as the server's translator does. */
const fill = (text, params) => text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? params[name] : whole));

/** The form's buttons as they are after the member's vote changed from `before` to `after`. */
function show(form, before, after) {
  form.dataset.mine = String(after);
  for (const button of form.querySelectorAll('button[data-vote]')) {
    const vote = Number(button.dataset.vote);
    const countText = button.querySelector('.vote-count');
    const count = Number(countText.textContent) + (after === vote ? 1 : 0) - (before === vote ? 1 : 0);
    countText.textContent = String(count);
    button.value = after === vote ? '0' : String(vote);
    button.setAttribute('aria-pressed', String(after === vote));
    const template = plurals.select(count) === 'one' ? button.dataset.one : button.dataset.other;
    button.setAttribute('aria-label', fill(template, { title: form.dataset.title, count }));
  }
}

/** Posts the form as a browser without JavaScript would, with the value of the button pressed. */
function postAsWithoutScript(form, value) {
  const field = document.createElement('input');
  field.type = 'hidden';
  field.name = 'value';
  field.value = value;
  form.append(field);
  form.submit();
}

document.addEventListener('submit', async (event) => {
  const form = event.target;
  const button = event.submitter;
  if (!(form instanceof HTMLFormElement) || !form.classList.contains('vote') || !button?.dataset.vote) return;
  event.preventDefault();
  if (form.getAttribute('aria-busy') === 'true') return;
  const before = Number(form.dataset.mine);
  const value = Number(button.value);
  form.setAttribute('aria-busy', 'true');
  let response;
  try {
    response = await fetch(`/api/ideas/${encodeURIComponent(form.dataset.idea)}/vote`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ value }),
    });
  } catch {
    response = undefined;
  }
  form.removeAttribute('aria-busy');
  if (!response?.ok) return postAsWithoutScript(form, button.value);
  show(form, before, value);
});
