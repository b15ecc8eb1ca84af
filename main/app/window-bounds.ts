import type { Prefs } from '../prefs/prefs-schema';

export type Bounds = NonNullable<Prefs['windowBounds']>;
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 860 } as const;
const MIN_WIDTH = 400;
const MIN_HEIGHT = 300;
/** How much of the title bar must lie on a screen for the saved position to be reused. */
const GRIP = { width: 120, height: 40 } as const;

function overlap(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return {
    x,
    y,
    width: Math.min(a.x + a.width, b.x + b.width) - x,
    height: Math.min(a.y + a.height, b.y + b.height) - y,
  };
}

/**
 * The saved bounds if the window's top strip would still be on one of the current screens (a
 * monitor may have been unplugged since), otherwise null so the window opens centred.
 */
export function restorableBounds(saved: Bounds | undefined, workAreas: readonly Rect[]): Bounds | null {
  if (!saved) return null;
  const titleStrip: Rect = { x: saved.x, y: saved.y, width: saved.width, height: GRIP.height };
  const visible = workAreas.some((area) => {
    const seen = overlap(titleStrip, area);
    return seen.width >= Math.min(GRIP.width, saved.width) && seen.height >= GRIP.height;
  });
  return visible ? saved : null;
}

/** Bounds worth saving: whole pixels and at least the minimum size the preferences accept. */
export function boundsToSave(rect: Rect): Bounds {
  return {
    x: Math.round(rect.x),
    y: Math.round(rect.y),
    width: Math.max(MIN_WIDTH, Math.round(rect.width)),
    height: Math.max(MIN_HEIGHT, Math.round(rect.height)),
  };
}
