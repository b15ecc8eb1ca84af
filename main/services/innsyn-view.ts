import { printedText } from '../../shared/domain/printed-text';
import type { LocatedText } from '../../shared/domain/redaction';
import type { DocumentBlock, DocumentView } from '../documents/pdf';

/**
 * Every text of a document's printed view, addressed by a path into the view (`title`,
 * `blocks.3.rows.1.value`, …) and labelled by where it sits (the heading above, the row's key, the
 * column). Headings, keys and column headers are texts too, so a name is found wherever it is printed.
 * Each text is in its printed form (`printedText`, as the renderer normalises it), so the caseworker,
 * a passage's offsets, the redaction and the PDF see the same characters.
 */
export function locateTexts(documentId: string, view: DocumentView): LocatedText[] {
  const out: LocatedText[] = [];
  const add = (path: string, label: string, text: string) =>
    out.push({ documentId, path, label: printedText(label), text: printedText(text) });
  add('title', view.kindLabel, view.title);
  let section = view.kindLabel;
  view.blocks.forEach((block, i) => {
    const at = `blocks.${i}`;
    const under = (detail: string) => `${section} · ${detail}`;
    switch (block.type) {
      case 'heading':
        add(`${at}.text`, section, block.text);
        section = block.text;
        return;
      case 'paragraph':
      case 'notice':
        return add(`${at}.text`, section, block.text);
      case 'keyValue':
        return block.rows.forEach((row, r) => {
          add(`${at}.rows.${r}.key`, section, row.key);
          add(`${at}.rows.${r}.value`, under(row.key), row.value);
        });
      case 'bulletList':
        return block.items.forEach((item, n) => add(`${at}.items.${n}`, under(`${n + 1}`), item));
      case 'table':
        block.columns.forEach((column, c) => add(`${at}.columns.${c}.header`, section, column.header));
        return block.rows.forEach((row, r) =>
          row.forEach((cell, c) =>
            add(`${at}.rows.${r}.${c}`, under(`${block.columns[c]?.header ?? ''} ${r + 1}`), cell),
          ),
        );
      case 'findings':
        return block.findings.forEach((finding, n) =>
          add(`${at}.findings.${n}.text`, under(finding.citation), finding.text),
        );
      case 'signature':
        return block.signers.forEach((signer, n) => add(`${at}.signers.${n}.caption`, section, signer.caption));
    }
  });
  return out;
}

/** The view with each located text replaced by the redacted one (same paths as `locateTexts`). */
export function replaceTexts(view: DocumentView, texts: ReadonlyMap<string, string>): DocumentView {
  const get = (path: string, original: string) => texts.get(path) ?? original;
  const blocks = view.blocks.map((block, i): DocumentBlock => {
    const at = `blocks.${i}`;
    switch (block.type) {
      case 'heading':
      case 'paragraph':
      case 'notice':
        return { ...block, text: get(`${at}.text`, block.text) };
      case 'keyValue':
        return {
          ...block,
          rows: block.rows.map((row, r) => ({
            key: get(`${at}.rows.${r}.key`, row.key),
            value: get(`${at}.rows.${r}.value`, row.value),
          })),
        };
      case 'bulletList':
        return { ...block, items: block.items.map((item, n) => get(`${at}.items.${n}`, item)) };
      case 'table':
        return {
          ...block,
          columns: block.columns.map((column, c) => ({
            ...column,
            header: get(`${at}.columns.${c}.header`, column.header),
          })),
          rows: block.rows.map((row, r) => row.map((cell, c) => get(`${at}.rows.${r}.${c}`, cell))),
        };
      case 'findings':
        return {
          ...block,
          findings: block.findings.map((f, n) => ({ ...f, text: get(`${at}.findings.${n}.text`, f.text) })),
        };
      case 'signature':
        return {
          ...block,
          signers: block.signers.map((s, n) => ({ caption: get(`${at}.signers.${n}.caption`, s.caption) })),
        };
    }
  });
  return { ...view, title: get('title', view.title), blocks };
}
