import { fail, redirect } from '@sveltejs/kit';
import { CLEARABLE_OFFER_FIELDS, createOffer, publishOffer, updateOffer } from '$core/offer/index';
import { attempt, portalCtx } from './core';
import { listInput, offerInput, offerValues, optional } from './offers';

/**
 * The offer form's action: saves (creates the offer, or updates `offerId`), then publishes when
 * asked. A refused publication leaves the draft saved and shows the missing fields at their
 * inputs; the form then carries the draft's id, so sending it again updates that draft.
 */
export async function saveOfferForm(locals: App.Locals, request: Request, offerId?: string) {
  const data = await request.formData();
  const ctx = portalCtx(locals);
  const input = offerInput(data);
  const values = offerValues(data);
  const existing = offerId ?? optional(data.get('offerId'));
  const saved = await attempt(
    locals.lang,
    values,
    () => (existing ? updateOffer(ctx, existing, clearingEmpty(input)) : createOffer(ctx, input)),
    { input: listInput },
  );
  if (!saved.ok) return saved.failure;
  if (data.get('intent') === 'publish') {
    const id = saved.value.id;
    const published = await attempt(
      locals.lang,
      { ...values, offerId: offerId ? '' : id },
      () => publishOffer(ctx, id),
      {
        input: listInput,
      },
    );
    if (!published.ok) return fail(published.failure.status, { ...published.failure.data, draftSaved: true });
  }
  redirect(303, `/offers/${saved.value.id}`);
}

/** In an edit, an optional choice left empty clears it (the core keeps what a patch does not name). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const clearingEmpty = (input: any) => ({
  ...input,
  ...Object.fromEntries(CLEARABLE_OFFER_FIELDS.filter((name) => input[name] === undefined).map((name) => [name, null])),
});
