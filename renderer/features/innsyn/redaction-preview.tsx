import { Fragment } from 'react';
import { applyRedactions, type LocatedText, type Redaction } from '../../../shared/domain/redaction';
import type { InnsynPrepared } from '../../../shared/ipc/innsyn';
import { useI18n } from '../../app/i18n';
import { markable } from './text-marker';

/** Markers as the PDF frames them: bracketed, with no-break spaces inside. */
const MARKER = /(\[[^[\] \n]*\u00A0[^[\] \n]*\])/;

function Redacted({ text }: { text: string }) {
  const { t } = useI18n();
  return (
    <>
      {text.split(MARKER).map((piece, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="innsyn-box" aria-label={t('innsyn.preview.removed', { basis: piece.slice(1, -1) })}>
            {piece}
          </mark>
        ) : (
          <Fragment key={i}>{piece}</Fragment>
        ),
      )}
    </>
  );
}

/** The copy as it will print: the same pure function as the PDF, run on the screen's marks. */
export function RedactionPreview({
  prepared,
  redactions,
}: {
  prepared: InnsynPrepared;
  redactions: readonly Redaction[];
}) {
  const { t } = useI18n();
  const citation = (id: string) => prepared.bases.find((b) => b.id === id)?.citation ?? id;
  const { texts } = applyRedactions(prepared.texts, redactions, citation);
  const byDocument = (documentId: string): LocatedText[] =>
    texts.filter((x) => x.documentId === documentId && markable(x));
  return (
    <div className="innsyn-preview" data-testid="innsyn-preview">
      {prepared.documents.map((doc) => (
        <section key={doc.documentId}>
          <h3>{t('innsyn.documentHeading', { kind: doc.kindLabel, version: doc.version })}</h3>
          <dl>
            {byDocument(doc.documentId).map((x) => (
              <div key={x.path} className="innsyn-preview-row">
                <dt>{x.label}</dt>
                <dd>
                  <Redacted text={x.text} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
