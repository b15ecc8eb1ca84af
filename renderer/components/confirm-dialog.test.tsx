import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../app/i18n';
import { ConfirmDialog } from './confirm-dialog';

const noop = () => undefined;

function render(node: ReactNode): string {
  return renderToStaticMarkup(<I18nProvider initialLocale="en">{node}</I18nProvider>);
}

const buttonTexts = (html: string) =>
  [...html.matchAll(/<button[^>]*>.*?<span>([^<]*)<\/span><\/button>/g)].map((m) => m[1]);

describe('ConfirmDialog', () => {
  it('offers the destructive step first and Cancel after it', () => {
    const html = render(
      <ConfirmDialog
        open
        title="Remove?"
        body="Gone for good."
        confirmLabel="Remove"
        onConfirm={noop}
        onCancel={noop}
      />,
    );
    expect(buttonTexts(html)).toEqual(['Remove', 'Cancel']);
    expect(html).toContain('button-danger');
  });

  it('puts Cancel first in tab order when asked, keeping the confirm button findable by its test id', () => {
    const html = render(
      <ConfirmDialog
        open
        title="Delete?"
        body="Body"
        confirmLabel="Delete"
        confirmTestId="delete-confirm"
        cancelFirst
        onConfirm={noop}
        onCancel={noop}
      />,
    );
    expect(buttonTexts(html)).toEqual(['Cancel', 'Delete']);
    expect(html).toMatch(/<button[^>]*data-testid="delete-confirm"[^>]*>.*?<span>Delete<\/span>/);
  });

  it('says what confirming does before any extra field', () => {
    const html = render(
      <ConfirmDialog open title="T" body="What happens." confirmLabel="Go" onConfirm={noop} onCancel={noop}>
        <label>Reason</label>
      </ConfirmDialog>,
    );
    expect(html.indexOf('<p>What happens.</p>')).toBeGreaterThan(-1);
    expect(html.indexOf('<p>What happens.</p>')).toBeLessThan(html.indexOf('<label>Reason</label>'));
  });

  it('blocks a second click while the confirmed call runs', () => {
    const html = render(
      <ConfirmDialog open title="T" body="B" confirmLabel="Go" busy onConfirm={noop} onCancel={noop} />,
    );
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*aria-busy="true"[^>]*>/);
  });
});
