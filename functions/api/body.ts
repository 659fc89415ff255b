/**
 * The JSON body as sent, or {} when there is none, it is not JSON, or it is not an object (a
 * bare `null`, number or string): the core function it goes to parses it with its schema and
 * answers bad input with a 400 and the failing fields.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const jsonBody = (c: { req: { json(): Promise<any> } }): Promise<any> =>
  c.req
    .json()
    .then((value: unknown) => (value !== null && typeof value === 'object' ? value : {}))
    .catch(() => ({}));
