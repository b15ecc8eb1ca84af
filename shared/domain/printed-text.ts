/**
 * Text in the form the PDF prints it, before any glyph is chosen: soft hyphens dropped (the renderer
 * never hyphenates, so a soft hyphen would only split a word for a search), then NFC (a decomposed
 * "å" becomes the precomposed letter), and every line break as LF. The renderer's `cleanText` starts
 * from this, and the innsyn copy locates its texts in this form, so what the caseworker sees, a
 * passage's offsets, the redaction and the PDF all read the same characters. Idempotent.
 *
 * Tabs are left alone: the renderer draws one as four spaces, which changes no word but would change
 * lengths and offsets.
 */
export function printedText(text: string): string {
  return text
    .replace(/\u00AD/g, '')
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n');
}
