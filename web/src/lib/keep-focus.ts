import type { SubmitFunction } from '@sveltejs/kit';

/**
 * For `use:enhance`: the form posts without a page load, and the keyboard focus goes back to the
 * control that sent it (SvelteKit moves it to the page's start after a successful action, which
 * sends keyboard and screen-reader users back to the top).
 */
function keepingFocus(reset: boolean): SubmitFunction {
  return ({ submitter }) => {
    const sender = (submitter ?? document.activeElement) as HTMLElement | null;
    return async ({ update }) => {
      await update({ reset });
      if (sender?.isConnected) sender.focus();
    };
  };
}

/** Forms that add something (a comment, a note, a status answer): emptied after a success. */
export const keepFocus = keepingFocus(true);
/** Forms that edit what they show (scores, tags, an assignee): left as saved, not reset to the page's first values. */
export const keepFocusAndValues = keepingFocus(false);
