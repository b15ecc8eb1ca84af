// The two source texts in ../shared/seeds, cut into the paragraphs the rules cite, so a test and the
// rules report can check that a cited paragraph exists and that a quote lies within it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Citation } from '../shared/rules/finding';

/**
 * ../shared/seeds beside the repository (also in CI). A copy of the repository inside it (Stryker's
 * sandbox, .stryker-tmp/sandbox-…/) finds the same folder further up.
 */
export const SEEDS_DIR = seedsBeside(join(dirname(fileURLToPath(import.meta.url)), '..'));

function seedsBeside(repository: string): string {
  for (let dir = dirname(repository); dir !== dirname(dir); dir = dirname(dir)) {
    const seeds = join(dir, 'shared', 'seeds');
    if (existsSync(seeds)) return seeds;
  }
  // Missing: reading a seed then names the place it should be.
  return join(dirname(repository), 'shared', 'seeds');
}
export const SEED_FILES = {
  NO: 'no-radikalisering-retningslinjer-2018.txt',
  DK: 'dk-mentorordning-cirkulaere-2024.txt',
} as const;
export type Country = keyof typeof SEED_FILES;

/** Whitespace-normalised, so a quote matches across the seed's line and page breaks. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function readSeed(country: Country): string {
  return readFileSync(join(SEEDS_DIR, SEED_FILES[country]), 'utf8');
}

/** A provision as the report and the checks need it: which text, and its place. */
export interface Provision {
  country: Country;
  /** NO: "6", "13.4"; DK: paragraph number(s). */
  point?: string;
  paragraph?: number;
  toParagraph?: number;
  stk?: number;
  nr?: number;
}

const NO_POINTS = [
  ...Array.from({ length: 14 }, (_, i) => String(i + 1)),
  ...Array.from({ length: 10 }, (_, i) => `13.${i + 1}`),
];

function noHeadingAt(seed: string, point: string): number {
  const label = point.includes('.') ? point.replace('.', '\\.') : `${point}\\.`;
  const match = new RegExp(`(^|\\n)[ \\t]*${label}[ \\t]+[A-ZÆØÅ]`).exec(seed);
  return match ? match.index : -1;
}

function sectionBetween(seed: string, start: number, heads: readonly number[]): string {
  const next = heads.filter((pos) => pos > start).sort((a, b) => a - b)[0] ?? seed.length;
  return seed.slice(start, next);
}

/** NO pkt N or N.M: from its heading to the next heading. */
export function noSection(seed: string, point: string): string | undefined {
  const start = noHeadingAt(seed, point);
  if (start < 0) return undefined;
  const heads = NO_POINTS.map((p) => noHeadingAt(seed, p)).filter((pos) => pos >= 0);
  return sectionBetween(seed, start, heads);
}

function dkHeadingAt(seed: string, paragraph: number): number {
  const match = new RegExp(`(^|\\n)[ \\t]*§ ${paragraph}\\.[ \\t]`).exec(seed);
  return match ? match.index : -1;
}

/** DK § N (to § M), narrowed to stk. and nr. when given; undefined when the text has no such place. */
export function dkSection(seed: string, p: Required<Pick<Provision, 'paragraph'>> & Provision): string | undefined {
  const heads = Array.from({ length: 20 }, (_, i) => dkHeadingAt(seed, i + 1)).filter((pos) => pos >= 0);
  const start = dkHeadingAt(seed, p.paragraph);
  if (start < 0) return undefined;
  const last = dkHeadingAt(seed, p.toParagraph ?? p.paragraph);
  if (last < 0) return undefined;
  let section = seed.slice(start, start + (last - start) + sectionBetween(seed, last, heads).length);
  if (p.stk !== undefined && p.stk > 1) {
    const at = section.search(new RegExp(`Stk\\. ${p.stk}\\.`));
    if (at < 0) return undefined;
    const next = section.slice(at + 1).search(/Stk\. \d+\./);
    section = next < 0 ? section.slice(at) : section.slice(at, at + 1 + next);
  } else if (p.stk === 1) {
    const next = section.search(/Stk\. 2\./);
    if (next >= 0) section = section.slice(0, next);
  }
  if (p.nr !== undefined && !new RegExp(`(^|\\s)${p.nr}\\)`).test(section)) return undefined;
  return section;
}

/** The provisions a citation names: its own, or for Bro's practice the ones it reads. */
export function provisionsOf(citation: Citation): Provision[] {
  if (citation.source === 'NO') return [{ country: 'NO', point: citation.point }];
  if (citation.source === 'DK') {
    const { paragraph, toParagraph, stk, nr } = citation;
    return [{ country: 'DK', paragraph, toParagraph, stk, nr }];
  }
  const reading = citation.localPractice.reading ?? '';
  const found: Provision[] = [];
  for (const m of reading.matchAll(/NO pkt (\d+(?:\.\d+)?)/g)) found.push({ country: 'NO', point: m[1] });
  for (const m of reading.matchAll(/DK § (\d+)(?:, stk\. (\d+))?(?:, nr\. (\d+))?/g)) {
    const provision: Provision = { country: 'DK', paragraph: Number(m[1]) };
    if (m[2]) provision.stk = Number(m[2]);
    if (m[3]) provision.nr = Number(m[3]);
    found.push(provision);
  }
  return found;
}

/** The text of one provision in its seed, or undefined when the seed has no such paragraph. */
export function provisionText(provision: Provision, seeds: Record<Country, string>): string | undefined {
  const seed = seeds[provision.country];
  if (provision.country === 'NO') return provision.point ? noSection(seed, provision.point) : undefined;
  return provision.paragraph ? dkSection(seed, { ...provision, paragraph: provision.paragraph }) : undefined;
}
