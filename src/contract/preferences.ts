import { z } from 'zod';

/** A signed-in user's own view preferences (US11.2.1, US6.1.2), kept on the server so they follow them. */
export const preferences = z.object({
  /** How long success and info toasts stay, in seconds. */
  toastSeconds: z.number().int().min(2).max(60).default(5),
  /** The table loads more rows as you scroll instead of showing pages. */
  infiniteScroll: z.boolean().default(false),
  /** Open the next conversation after Approve or Reject in the preview. */
  autoAdvance: z.boolean().default(false),
});
export type Preferences = z.infer<typeof preferences>;

export const DEFAULT_PREFERENCES: Preferences = preferences.parse({});

/** A change names only the preferences it sets. */
export const preferencesPatch = z
  .object({
    toastSeconds: z.number().int('must be a whole number of seconds').min(2, 'must be at least 2 seconds').max(60, 'must be at most 60 seconds').optional(),
    infiniteScroll: z.boolean().optional(),
    autoAdvance: z.boolean().optional(),
  })
  .strict();
export type PreferencesPatch = z.infer<typeof preferencesPatch>;
