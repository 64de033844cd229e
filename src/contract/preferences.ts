import { z } from 'zod';
import { DEFAULT_SHORTCUTS, normalizeKey, shortcutProblem, SHORTCUT_ACTIONS, type ShortcutKeys } from '../core/shortcuts';

const key = z.string().min(1).max(20).transform(normalizeKey);
/**
 * Shortcut keys as sent or stored: normalized, and checked for clashes with each other and the
 * page. An action left out keeps its default key, so keys saved before an action was added
 * still count.
 */
const shortcutKeysInput = z.preprocess(
  (value) => (value && typeof value === 'object' && !Array.isArray(value) ? { ...DEFAULT_SHORTCUTS, ...value } : value),
  z
    .object(Object.fromEntries(SHORTCUT_ACTIONS.map((a) => [a, key])) as Record<(typeof SHORTCUT_ACTIONS)[number], typeof key>)
    .strict()
    .superRefine((keys, ctx) => {
      const problem = shortcutProblem(keys as ShortcutKeys);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
);

/** A signed-in user's own view preferences (US11.2.1, US6.1.2), kept on the server so they follow them. */
export const preferences = z.object({
  /** How long success and info toasts stay, in seconds. */
  toastSeconds: z.number().int().min(2).max(60).default(5),
  /** The table loads more rows as you scroll instead of showing pages. */
  infiniteScroll: z.boolean().default(false),
  /** Open the next conversation after Approve or Reject in the preview. */
  autoAdvance: z.boolean().default(false),
  /** Keys for the reviewer's repeated actions (US11.1.2). */
  shortcuts: z.object(Object.fromEntries(SHORTCUT_ACTIONS.map((a) => [a, z.string()])) as Record<(typeof SHORTCUT_ACTIONS)[number], z.ZodString>).default(DEFAULT_SHORTCUTS),
  /** The user closed the "Getting started" checklist. */
  checklistDismissed: z.boolean().default(false),
});
export type Preferences = z.infer<typeof preferences>;

/** Stored shortcuts are read back through the same checks, so a bad stored value falls back to the defaults. */
export const storedShortcuts = shortcutKeysInput;

export const DEFAULT_PREFERENCES: Preferences = preferences.parse({});

/** A change names only the preferences it sets. */
export const preferencesPatch = z
  .object({
    toastSeconds: z.number().int('must be a whole number of seconds').min(2, 'must be at least 2 seconds').max(60, 'must be at most 60 seconds').optional(),
    infiniteScroll: z.boolean().optional(),
    autoAdvance: z.boolean().optional(),
    shortcuts: shortcutKeysInput.optional(),
    checklistDismissed: z.boolean().optional(),
  })
  .strict();
export type PreferencesPatch = z.infer<typeof preferencesPatch>;
