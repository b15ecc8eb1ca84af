import type { IsoDate, Profile } from '../../shared/domain';
import { addDays } from '../../shared/domain';
import type { Db } from '../db/connection';
import { localActorId } from '../services/actor';
import { caseContext, type DemoCase } from './demo-case';
import { writeContacts } from './demo-contacts';
import { demoMentors, type DemoMentor } from './demo-mentors';
import { buildDkCase } from './dk-case';
import { buildNoCase } from './no-case';
import { randomFor } from './prng';
import { emptyCounts, writeCase, writeMentors, type DemoCounts } from './write-demo';

export interface DemoOptions {
  profile: Profile;
  /** Every date in the demo is relative to this day, so due and overdue items are always current. */
  today: IsoDate;
  /** Number of cases; about 20 shows every kind and boundary, thousands make benchmark vaults. */
  cases?: number;
  seed?: number;
  /** Number of the first case, to add more cases to a demo vault without clashing references. */
  firstIndex?: number;
  /** Cases per transaction. */
  batchSize?: number;
  onProgress?: (written: number) => void;
}

export const DEMO_SEED = 2026;

/**
 * The first hundred cases keep every version as the app writes them (a draft before each final);
 * later cases, which only benchmark vaults have, store final versions directly to save time.
 */
export const FULL_HISTORY_CASES = 100;

export interface DemoResult extends DemoCounts {
  contacts: number;
}

/** The demo case number `index`, the same for the same seed, profile and day. */
export function buildDemoCase(
  profile: Profile,
  seed: number,
  index: number,
  today: IsoDate,
  mentors: readonly DemoMentor[],
): DemoCase {
  const ctx = caseContext(randomFor(seed, index), index, today, profile);
  return profile === 'DK' ? buildDkCase(ctx, mentors) : buildNoCase(ctx, mentors);
}

/**
 * Fills a vault with invented cases, documents, mentors (and for NO the contact register), through
 * the repositories and the audit log, as the local user. Deterministic for the same options.
 */
export function generateDemo(db: Db, options: DemoOptions): DemoResult {
  const { profile, today } = options;
  const seed = options.seed ?? DEMO_SEED;
  const total = options.cases ?? 20;
  const first = options.firstIndex ?? 0;
  const batchSize = Math.max(1, options.batchSize ?? 250);
  const counts = emptyCounts();
  const mentors = demoMentors(profile, seed, today);
  let contacts = 0;
  const actor = db.transaction(() => {
    const id = localActorId(db);
    writeMentors(db, profile, id, mentors, `${addDays(today, -400)}T10:00:00.000Z`, counts);
    if (profile === 'NO') contacts = writeContacts(db, id, seed, today);
    return id;
  })();
  for (let start = first; start < first + total; start += batchSize) {
    const end = Math.min(first + total, start + batchSize);
    db.transaction(() => {
      for (let index = start; index < end; index += 1) {
        writeCase(
          db,
          profile,
          actor,
          buildDemoCase(profile, seed, index, today, mentors),
          counts,
          index >= FULL_HISTORY_CASES,
        );
      }
    })();
    options.onProgress?.(end - first);
  }
  return { ...counts, contacts };
}
