import { describe, expect, it } from 'vitest';
import { parseArcAssignment } from './arcs-command';

describe('parseArcAssignment', () => {
  it('reads KEY=PERCENT and KEY=off', () => {
    expect(parseArcAssignment('triumph=40')).toEqual({ key: 'triumph', enabled: true, percent: 40 });
    expect(parseArcAssignment('discovery=off')).toEqual({ key: 'discovery', enabled: false });
  });

  it('refuses anything else, saying how to write it', () => {
    expect(() => parseArcAssignment('triumph:40')).toThrow('is not KEY=PERCENT');
    expect(() => parseArcAssignment('triumph=4000')).toThrow();
  });
});
