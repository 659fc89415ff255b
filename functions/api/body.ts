/**
 * The JSON body as sent, or {} when there is none or it is not JSON: the core function it goes to
 * parses it with its schema and answers bad input with a 400 and the failing fields.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const jsonBody = (c: { req: { json(): Promise<any> } }): Promise<any> => c.req.json().catch(() => ({}));
