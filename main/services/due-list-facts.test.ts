import { describe, expect, it } from 'vitest';
import { IdSchema } from '../../shared/domain';
import { isId, openAction } from './due-list-facts';

const ID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';

describe("a stored open action's facts", () => {
  it('take an id exactly when IdSchema does (its own pattern, without a parse per action)', () => {
    const corpus: unknown[] = [
      ID,
      ID.toUpperCase(),
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      ...['0', '1', '4', '7', '8', '9'].map((version) => `3f2b8c1e-4d5a-${version}b6c-8d7e-9f0a1b2c3d4e`),
      ...['7', '8', 'a', 'B', 'c'].map((variant) => `3f2b8c1e-4d5a-4b6c-${variant}d7e-9f0a1b2c3d4e`),
      `${ID}\n`,
      ` ${ID}`,
      ID.replaceAll('-', ''),
      ID.slice(1),
      '',
      'action-1',
      42,
      null,
      undefined,
      { id: ID },
    ];
    for (const value of corpus) expect([value, isId(value)]).toEqual([value, IdSchema.safeParse(value).success]);
  });

  it('are an open action only with a known status, an id and a date', () => {
    const row = { actionId: ID, deadline: '2026-03-01', actionStatus: 'in_progress' };
    expect(openAction(row)).toEqual({ id: ID, deadline: '2026-03-01', status: 'in_progress' });
    expect(openAction({ ...row, actionStatus: 'open' })?.status).toBe('open');
    expect(openAction({ ...row, actionStatus: 'closed' })).toBeNull();
    expect(openAction({ ...row, actionStatus: null })).toBeNull();
    expect(openAction({ ...row, actionId: 'action-1' })).toBeNull();
    expect(openAction({ ...row, deadline: '2026-02-30' })).toBeNull();
    expect(openAction({ ...row, deadline: null })).toBeNull();
  });
});
