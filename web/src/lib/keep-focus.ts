import type { SubmitFunction } from '@sveltejs/kit';

/**
 * For `use:enhance={keepFocus}`: the form posts without a page load, and the keyboard focus goes
 * back to the control that sent it (SvelteKit moves it to the page's start after a successful
 * action, which sends keyboard and screen-reader users back to the top).
 */
export const keepFocus: SubmitFunction = ({ submitter }) => {
  const sender = (submitter ?? document.activeElement) as HTMLElement | null;
  return async ({ update }) => {
    await update();
    if (sender?.isConnected) sender.focus();
  };
};
