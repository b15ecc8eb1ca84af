import { z } from 'zod';
import { IdSchema } from './common';
import type { Profile } from './profile';

/**
 * The innsyn copy (NO pkt 11: access requests "under ordinary rules"): exempt text is removed, and a
 * marker naming the legal basis stands in its place. Pure functions shared by the main process (which
 * builds the PDF from their output, so exempt text never reaches it) and the screen's live preview.
 */

/** A legal basis for exempting text: the provision as printed; its short label is `innsyn.basis.<id>`. */
export interface RedactionBasis {
  readonly id: string;
  readonly citation: string;
}

/**
 * Per profile, as data. NO: offentleglova (offl.) and forvaltningsloven (fvl.); DK: offentlighedsloven
 * (offl.) and forvaltningsloven (fvl.). A DK vault never offers a Norwegian provision, nor the reverse.
 */
export const REDACTION_BASES: Readonly<Record<Profile, readonly RedactionBasis[]>> = {
  NO: [
    { id: 'no-offl-13-fvl-13', citation: 'offl. § 13, jf. fvl. § 13' },
    { id: 'no-offl-13', citation: 'offl. § 13' },
    { id: 'no-offl-14', citation: 'offl. § 14' },
    { id: 'no-offl-15', citation: 'offl. § 15' },
    { id: 'no-offl-21', citation: 'offl. § 21' },
    { id: 'no-offl-24', citation: 'offl. § 24' },
    { id: 'no-fvl-13', citation: 'fvl. § 13' },
    { id: 'no-fvl-19', citation: 'fvl. § 19' },
  ],
  DK: [
    { id: 'dk-offl-30-1', citation: 'offl. § 30, nr. 1' },
    { id: 'dk-offl-23', citation: 'offl. § 23' },
    { id: 'dk-offl-31', citation: 'offl. § 31' },
    { id: 'dk-offl-33-1', citation: 'offl. § 33, nr. 1' },
    { id: 'dk-fvl-15', citation: 'fvl. § 15' },
    { id: 'dk-fvl-15a', citation: 'fvl. § 15 a' },
    { id: 'dk-fvl-15b', citation: 'fvl. § 15 b' },
  ],
};

/** The basis proposed for a third party's name: duty of confidentiality about personal matters. */
export const NAME_BASIS: Readonly<Record<Profile, string>> = { NO: 'no-offl-13-fvl-13', DK: 'dk-offl-30-1' };

export function basisLabelKey(id: string): string {
  return `innsyn.basis.${id}`;
}

export function findBasis(profile: Profile, id: string): RedactionBasis | undefined {
  return REDACTION_BASES[profile].find((basis) => basis.id === id);
}

const BasisIdSchema = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(40);
/** Where a text sits in a document's printed view, e.g. `blocks.3.rows.1.value`. */
export const TextPathSchema = z
  .string()
  .regex(/^[a-z]+(\.[a-z0-9]+)*$/i)
  .max(80);

export const FieldRedactionSchema = z
  .object({ type: z.literal('field'), documentId: IdSchema, path: TextPathSchema, basis: BasisIdSchema })
  .strict();
export const PassageRedactionSchema = z
  .object({
    type: z.literal('passage'),
    documentId: IdSchema,
    path: TextPathSchema,
    start: z.number().int().min(0).max(50_000),
    end: z.number().int().min(1).max(50_000),
    basis: BasisIdSchema,
  })
  .strict()
  .refine((r) => r.end > r.start, { message: 'end after start', path: ['end'] });
/**
 * Where a name proposed for removal throughout a copy comes from: the contact register, a meeting's
 * participants, the mentor register, or a name field of the copy's own documents (the course's
 * responsible person and mentortovholder, a routine's mentor and contact person, the plan's involved).
 */
export const PROPOSAL_SOURCES = ['contact', 'participant', 'mentor', 'named'] as const;
export type ProposalSource = (typeof PROPOSAL_SOURCES)[number];

/** Every whole-word occurrence of a name across the copy (a name inside another word is left alone). */
export const TermRedactionSchema = z
  .object({
    type: z.literal('term'),
    term: z.string().trim().min(2).max(200),
    source: z.enum(PROPOSAL_SOURCES),
    basis: BasisIdSchema,
  })
  .strict();
export const RedactionSchema = z.union([FieldRedactionSchema, PassageRedactionSchema, TermRedactionSchema]);
export type Redaction = z.infer<typeof RedactionSchema>;

/** One text of the copy as printed, with where it sits and what to call that place. */
export const LocatedTextSchema = z.object({
  documentId: IdSchema,
  path: TextPathSchema,
  label: z.string().max(400),
  text: z.string().max(50_000),
});
export type LocatedText = z.infer<typeof LocatedTextSchema>;

const NBSP = '\u00A0';

/** What stands where text was removed: the basis in brackets, on one line (no breaking spaces). */
export function redactionMarker(citations: readonly string[]): string {
  return `[${citations.join('; ')}]`.replace(/ /g, NBSP);
}

interface Span {
  start: number;
  end: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Code points a reader of the PDF does not see: soft hyphen, zero-width space and (non-)joiners, word
// joiner, byte order mark, direction marks, variation selectors, … (Unicode's default-ignorables).
const INVISIBLE = '\\p{Default_Ignorable_Code_Point}';
const INVISIBLES = new RegExp(`[${INVISIBLE}]`, 'gu');
// A letter, digit or combining mark that is not itself invisible (variation selectors are marks).
const WORD_CHAR = `(?![${INVISIBLE}])[\\p{L}\\p{N}\\p{M}]`;

/** The words of a name as a reader reads them: NFC, invisibles dropped, any whitespace a separator. */
function termWords(term: string): string[] {
  return term
    .replace(INVISIBLES, '')
    .normalize('NFC')
    .split(/\p{White_Space}+/u)
    .filter((word) => word !== '');
}

// Marks a reader takes for the same one: apostrophes as typed and as word processors set them
// (O'Neill, O’Neill), and hyphens and dashes (Anne-Lise with a hyphen-minus, a non-breaking hyphen, …).
const APOSTROPHES = "'\u2018\u2019\u02BC\u2032\u02B9\u0060\u00B4";
const HYPHENS = '\u002D\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D';
const APOSTROPHE = new RegExp(`[${APOSTROPHES}]`, 'gu');
const HYPHEN = new RegExp(`[${HYPHENS}]`, 'gu');

/** The same name however it is spaced, composed, cased or punctuated: a key to tell two names apart. */
export function termKey(term: string): string {
  return termWords(term).join(' ').replace(APOSTROPHE, "'").replace(HYPHEN, '-').toLocaleLowerCase();
}

/** A letter of the name, precomposed or decomposed ("å" or "a" + ring); any apostrophe, any hyphen. */
function letterPattern(letter: string): string {
  if (letter.match(APOSTROPHE)) return `[${APOSTROPHES}]`;
  if (letter.match(HYPHEN)) return `[${HYPHENS}]`;
  const decomposed = letter.normalize('NFD');
  return decomposed === letter ? escapeRegExp(letter) : `(?:${escapeRegExp(letter)}|${escapeRegExp(decomposed)})`;
}

/**
 * Whole-word, case-insensitive occurrences: "Ali" is found in "Ali kom" but not in "Alibi" or "Natalie".
 * Found as a reader of the printed copy reads it: the words may be parted by any run of whitespace (a
 * line break, a tab, a no-break space), invisible characters may sit anywhere in it (a soft hyphen
 * inside a word), a letter may be precomposed or decomposed, and an apostrophe or hyphen may be any of
 * its forms. A combining mark belongs to its word,
 * so "Ali" is not found in a decomposed "Alí" either. Spans are offsets into `text` as given.
 */
export function findTerm(text: string, term: string): Span[] {
  const words = termWords(term);
  if (words.length === 0) return [];
  const within = `[${INVISIBLE}]*`;
  const gap = `(?=${within}\\p{White_Space})[\\p{White_Space}${INVISIBLE}]+`;
  const name = words.map((word) => [...word].map(letterPattern).join(within)).join(gap);
  const pattern = new RegExp(`(?<!${WORD_CHAR}${within})${name}(?!${within}${WORD_CHAR})`, 'giu');
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function spansOf(item: LocatedText, redaction: Redaction): Span[] {
  switch (redaction.type) {
    case 'field':
      return redaction.documentId === item.documentId && redaction.path === item.path && item.text !== ''
        ? [{ start: 0, end: item.text.length }]
        : [];
    case 'passage':
      if (redaction.documentId !== item.documentId || redaction.path !== item.path) return [];
      return redaction.end <= item.text.length ? [{ start: redaction.start, end: redaction.end }] : [];
    case 'term':
      return findTerm(item.text, redaction.term);
  }
}

type Marked = Span & { citations: string[] };

/** Joins overlapping or touching spans so one marker stands for them, naming every basis involved. */
function merge(spans: readonly Marked[]): Marked[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Marked[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      for (const c of span.citations) if (!last.citations.includes(c)) last.citations.push(c);
    } else out.push({ ...span, citations: [...span.citations] });
  }
  return out;
}

export interface RedactedText extends LocatedText {
  /** How many removals this text received (after joining overlaps). */
  removals: number;
}

export interface RedactionResult {
  texts: RedactedText[];
  /** Per redaction (same order as given): how many places it hit, and where. */
  hits: { occurrences: number; paths: { documentId: string; path: string; label: string }[] }[];
}

/**
 * Applies the redactions to the texts: each exempt span is cut out and the marker put in its place.
 * `citation` maps a basis id to its printed provision; an unknown basis throws (callers validate first).
 */
export function applyRedactions(
  texts: readonly LocatedText[],
  redactions: readonly Redaction[],
  citation: (basisId: string) => string,
): RedactionResult {
  const hits = redactions.map(() => ({ occurrences: 0, paths: [] as RedactionResult['hits'][number]['paths'] }));
  const out = texts.map((item) => {
    const spans: Marked[] = [];
    redactions.forEach((redaction, index) => {
      const found = spansOf(item, redaction);
      const hit = hits[index];
      if (found.length === 0 || !hit) return;
      hit.occurrences += found.length;
      hit.paths.push({ documentId: item.documentId, path: item.path, label: item.label });
      spans.push(...found.map((span) => ({ ...span, citations: [citation(redaction.basis)] })));
    });
    const merged = merge(spans);
    let text = item.text;
    for (const span of [...merged].reverse())
      text = text.slice(0, span.start) + redactionMarker(span.citations) + text.slice(span.end);
    return { ...item, text, removals: merged.length };
  });
  return { texts: out, hits };
}
