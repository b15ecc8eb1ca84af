import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../shared/domain/document-kind';
import { documentJsonSchema, generateSchemaFiles, SCHEMAS_DIR } from './generate-schemas';

describe('published JSON Schemas', () => {
  it('match the committed files, so receivers never validate against a stale schema', () => {
    const expected = generateSchemaFiles();
    const onDisk = Object.fromEntries(
      readdirSync(SCHEMAS_DIR)
        .filter((name) => name.endsWith('.schema.json'))
        .map((name) => [name, readFileSync(join(SCHEMAS_DIR, name), 'utf8')]),
    );
    expect(onDisk).toEqual(expected);
  });

  it('publish one schema per document kind, each with its own $id and a title', () => {
    for (const kind of DOCUMENT_KINDS) {
      const schema = documentJsonSchema(kind);
      expect(schema.$id).toBe(`https://schemas.bro.invalid/${kind}.schema.json`);
      expect(typeof schema.title).toBe('string');
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('require a grading in every document', () => {
    for (const kind of DOCUMENT_KINDS) {
      const schema = documentJsonSchema(kind);
      const variants = (schema.oneOf ?? schema.anyOf ?? [schema]) as { required?: string[] }[];
      for (const variant of variants) expect(variant.required).toContain('grading');
    }
  });
});
