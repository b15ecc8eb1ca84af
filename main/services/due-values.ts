import { z } from 'zod';
import type { IsoDate } from '../../shared/domain';

// Stored versions were validated when saved; these checks only keep a damaged row from misleading.
// They use zod's own patterns without a parse per value: a vault holds tens of thousands of rows.
export const isDate = (value: unknown): value is IsoDate => typeof value === 'string' && z.regexes.date.test(value);

export function parseJsonArray(text: string | null): unknown[] {
  if (text === null) return [];
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value : [];
}
