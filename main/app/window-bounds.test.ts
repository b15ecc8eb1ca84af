import { describe, expect, it } from 'vitest';
import { boundsToSave, restorableBounds } from './window-bounds';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('window bounds', () => {
  it('reopens the window where it was when that place is still on a screen', () => {
    const saved = { x: 2100, y: 100, width: 1200, height: 800 };
    expect(restorableBounds(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('opens centred instead when the monitor it was on is gone or nothing was saved', () => {
    expect(restorableBounds({ x: 2100, y: 100, width: 1200, height: 800 }, [laptop])).toBeNull();
    expect(restorableBounds({ x: 100, y: -500, width: 1200, height: 800 }, [laptop])).toBeNull();
    expect(restorableBounds(undefined, [laptop])).toBeNull();
  });

  it('saves whole pixels and never less than the smallest size preferences accept', () => {
    expect(boundsToSave({ x: 10.4, y: 20.6, width: 1279.5, height: 859.2 })).toEqual({
      x: 10,
      y: 21,
      width: 1280,
      height: 859,
    });
    expect(boundsToSave({ x: 0, y: 0, width: 120, height: 90 })).toEqual({ x: 0, y: 0, width: 400, height: 300 });
  });
});
