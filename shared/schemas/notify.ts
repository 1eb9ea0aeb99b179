import * as z from 'zod';

/** What the notify queue carries: the id of a stored notification; the e-mail itself is in the table. */
export const NotifyMessage = z.strictObject({ notificationId: z.string().min(1).max(200) });
export type NotifyMessage = z.infer<typeof NotifyMessage>;
