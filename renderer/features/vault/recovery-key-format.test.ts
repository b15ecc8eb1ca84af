import { describe, expect, it } from 'vitest';
import { recoveryKeyGroups } from './recovery-key-format';

describe('recovery key display', () => {
  it('shows the dashed key as its groups of four', () => {
    const key = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789-ABCD-EFGH-JKMN-PQRS-TVWX';
    const groups = recoveryKeyGroups(key);
    expect(groups).toHaveLength(13);
    expect(groups.join('-')).toBe(key);
  });

  it('regroups a key given without separators, keeping a short last group', () => {
    expect(recoveryKeyGroups('ABCDEFGHJK')).toEqual(['ABCD', 'EFGH', 'JK']);
  });
});
