import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { mapOk, useLoad, valueOr } from './use-load';

function Probe({ id }: { id: string | null }) {
  const { loaded } = useLoad(id, async () => ({ ok: true, value: 'never during a server render' }));
  return <p>{loaded.state}</p>;
}

describe('useLoad', () => {
  it('shows loading for a key before the answer, and idle when nothing is asked', () => {
    expect(renderToStaticMarkup(<Probe id="case-1" />)).toBe('<p>loading</p>');
    expect(renderToStaticMarkup(<Probe id={null} />)).toBe('<p>idle</p>');
  });

  it('passes a refusal through mapOk unchanged and picks from an answer', () => {
    const refused = { ok: false as const, error: { code: 'locked' as const, messageKey: 'error.locked' } };
    expect(mapOk(refused, () => 1)).toBe(refused);
    expect(mapOk({ ok: true, value: { units: ['A'] } }, (v) => v.units)).toEqual({ ok: true, value: ['A'] });
  });

  it('gives the value only when ready', () => {
    expect(valueOr({ state: 'ready', value: [1] }, null)).toEqual([1]);
    expect(valueOr({ state: 'failed', error: { code: 'internal', messageKey: 'error.internal' } }, null)).toBeNull();
  });
});
