import * as z from './zod.ts';

/** What the notify queue carries: the id of a stored notification; the e-mail itself is in the table. */
export const NotifyMessage = z.strictObject({ notificationId: z.string().check(z.minLength(1), z.maxLength(200)) });
export type NotifyMessage = z.infer<typeof NotifyMessage>;
