import { describe, expect, it } from 'vitest';
import { offlineAdvice, type AdviceSegment } from './offline-advice';

const plain = (segments: AdviceSegment[]) => segments.map((s) => ('text' in s ? s.text : 'code' in s ? s.code : s.link)).join('');
const links = (segments: AdviceSegment[]) => segments.filter((s) => 'link' in s);

describe('offlineAdvice', () => {
  it('sends an admin without a key to Settings, where a saved key works at once; the variable is the alternative', () => {
    const advice = offlineAdvice('no_key', true);
    expect(plain(advice)).toBe(
      'To generate with Claude, add an Anthropic API key in Settings → API keys: it takes effect at once, no restart needed. Setting ANTHROPIC_API_KEY where convgen runs, then restarting it, works too.',
    );
    expect(links(advice)).toEqual([{ link: 'Settings → API keys', hash: 'settings-keys' }]);
  });

  it('tells everyone else to ask an admin, without a link they could not follow', () => {
    for (const cause of ['no_key', 'settings'] as const) {
      const advice = offlineAdvice(cause, false);
      expect(plain(advice)).toMatch(/^To generate with Claude, ask an admin to .* in Settings: it takes effect at once/);
      expect(links(advice)).toEqual([]);
    }
  });

  it('points at the provider setting when the workspace chose the offline generator', () => {
    expect(links(offlineAdvice('settings', true))).toEqual([{ link: 'Settings → Generation', hash: 'settings-generation' }]);
  });

  it('says a restart is needed only when the environment pins the offline generator', () => {
    expect(plain(offlineAdvice('environment', true))).toBe('convgen was started with CONVGEN_PROVIDER=offline, which overrides Settings. To generate with Claude, remove it (or set it to anthropic) and restart convgen.');
    expect(plain(offlineAdvice('environment', false))).toContain('ask whoever runs the convgen server');
    expect(links(offlineAdvice('environment', true))).toEqual([]);
  });
});
