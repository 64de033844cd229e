import type { OfflineCause } from '../../../contract/system';

/** A piece of the banner's advice: words, a name to type (an environment variable), or a link into Settings. */
export type AdviceSegment = { text: string } | { code: string } | { link: string; hash: string };

const text = (t: string): AdviceSegment => ({ text: t });
const code = (c: string): AdviceSegment => ({ code: c });
const link = (label: string, hash: string): AdviceSegment => ({ link: label, hash });

/**
 * What would make convgen generate with Claude instead of the offline generator, said as it
 * is: a key saved in Settings is read by the next run (no restart); the environment variable is
 * the other way, and CONVGEN_PROVIDER=offline overrides Settings until convgen restarts
 * without it. Admins get the link to the setting; everyone else is told whom to ask.
 */
export function offlineAdvice(cause: OfflineCause, isAdmin: boolean): AdviceSegment[] {
  switch (cause) {
    case 'no_key':
      return isAdmin
        ? [
            text('To generate with Claude, add an Anthropic API key in '),
            link('Settings → API keys', 'settings-keys'),
            text(': it takes effect at once, no restart needed. Setting '),
            code('ANTHROPIC_API_KEY'),
            text(' where convgen runs, then restarting it, works too.'),
          ]
        : [text('To generate with Claude, ask an admin to add an Anthropic API key in Settings: it takes effect at once, no restart needed.')];
    case 'settings':
      return isAdmin
        ? [text('To generate with Claude, choose Anthropic as the provider in '), link('Settings → Generation', 'settings-generation'), text(' (and add an API key if none is saved): it takes effect at once.')]
        : [text('To generate with Claude, ask an admin to choose Anthropic as the provider in Settings: it takes effect at once.')];
    case 'environment':
      return [
        text('convgen was started with '),
        code('CONVGEN_PROVIDER=offline'),
        text(', which overrides Settings. To generate with Claude, '),
        text(isAdmin ? 'remove it (or set it to ' : 'ask whoever runs the convgen server to remove it (or set it to '),
        code('anthropic'),
        text(') and restart convgen.'),
      ];
  }
}
