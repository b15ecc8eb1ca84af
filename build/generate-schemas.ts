// Writes one JSON Schema per document kind to build/schemas/<kind>.schema.json, from the zod schemas in
// shared/domain. Receivers (KDI, the command-line verifier) validate imported JSON against these files;
// a test checks the committed files match this output so they never drift. Run: npx tsx build/generate-schemas.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { DOCUMENT_KINDS, documentContentSchemas, type DocumentKind } from '../shared/domain/document-kind';

export const SCHEMA_BASE_URL = 'https://schemas.bro.invalid/';
export const SCHEMAS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'schemas');

const TITLES: Readonly<Record<DocumentKind, string>> = {
  observation: 'Bro observation log entry (NO pkt 4)',
  concern: 'Bro concern and investigation (NO pkt 5)',
  concern_report: 'Bro concern report (NO pkt 6)',
  follow_up_plan: 'Bro follow-up plan (NO pkt 11)',
  future_plan: 'Bro future plan (NO pkt 10)',
  meeting: 'Bro coordination meeting minutes (NO pkt 12)',
  visit_routine: 'Bro mentor visit routine (NO pkt 9)',
  mentor_course: 'Bro mentor course (NO pkt 13 / DK mentorordning)',
};

export function schemaFileName(kind: DocumentKind): string {
  return `${kind}.schema.json`;
}

/** The JSON Schema of one kind's content, with its published `$id` and a title. */
export function documentJsonSchema(kind: DocumentKind): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(documentContentSchemas[kind]);
  return { $schema, $id: `${SCHEMA_BASE_URL}${schemaFileName(kind)}`, title: TITLES[kind], ...rest };
}

/** Every schema file as it should be on disk: file name → exact text. */
export function generateSchemaFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const kind of DOCUMENT_KINDS)
    files[schemaFileName(kind)] = `${JSON.stringify(documentJsonSchema(kind), null, 2)}\n`;
  return files;
}

export function writeSchemaFiles(dir: string = SCHEMAS_DIR): string[] {
  mkdirSync(dir, { recursive: true });
  const files = generateSchemaFiles();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text, 'utf8');
  return Object.keys(files);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const written = writeSchemaFiles();
  process.stdout.write(`wrote ${written.length} schemas to ${SCHEMAS_DIR}\n`);
}
