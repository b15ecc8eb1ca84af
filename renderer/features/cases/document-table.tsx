import { FileText, Printer } from 'lucide-react';
import type { KindedContent } from '../../../shared/domain';
import type { DocumentSummary } from '../../../shared/ipc/record-views';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { KIND_KEY } from '../../lib/document-labels';
import { DOCUMENT_STATUS_KEY } from './case-labels';
import { documentSubject } from './document-subject';
import { formatIsoDate, formatTimestamp } from '../../lib/format';
import { FramedTable } from './framed-table';
import { GradingBadge } from './grading-badge';

/** Kinds that are printed for the people who need them (NO pkt 9, 11, 12): one click from the case. */
const PRINTABLE_KINDS: ReadonlySet<string> = new Set(['visit_routine', 'follow_up_plan', 'meeting']);

export interface DocumentTableProps {
  documents: readonly DocumentSummary[];
  contents: ReadonlyMap<string, KindedContent>;
  /** Id of the heading that names the table. */
  labelledBy: string;
  /** Show the kind in the first column (the overview's mixed list). */
  showKind?: boolean;
}

/** Documents of a case: what each is about (opens it), status, version, grading and last change. */
export function DocumentTable({ documents, contents, labelledBy, showKind = false }: DocumentTableProps) {
  const { t, locale } = useI18n();
  const { navigate } = useRouter();
  return (
    <FramedTable
      labelledBy={labelledBy}
      columns={[
        { label: t('cases.documents.column.subject') },
        { label: t('cases.documents.column.status') },
        { label: t('cases.documents.column.version'), className: 'numeric' },
        { label: t('cases.documents.column.grading') },
        { label: t('cases.documents.column.updated') },
      ]}
    >
      {documents.map((doc) => {
        const content = contents.get(doc.id);
        const kind = t(KIND_KEY[doc.kind]);
        const subject = content ? documentSubject(locale, content) : '';
        const fallback = t('cases.documents.noSubject', {
          kind,
          date: formatIsoDate(locale, doc.createdAt.slice(0, 10)),
        });
        return (
          <tr key={doc.id} data-testid="document-row" data-document-id={doc.id} data-kind={doc.kind}>
            <td className="document-subject">
              {showKind ? <span className="document-kind">{kind}</span> : null}
              <button
                type="button"
                className="row-link"
                onClick={() => navigate({ screen: 'document', documentId: doc.id })}
              >
                <FileText className="icon" aria-hidden="true" />
                <span>{subject || fallback}</span>
              </button>
              {PRINTABLE_KINDS.has(doc.kind) ? (
                <button
                  type="button"
                  className="row-link row-print"
                  data-testid="document-row-print"
                  aria-label={t('cases.documents.print', { name: subject || fallback })}
                  onClick={() => navigate({ screen: 'print', documentId: doc.id })}
                >
                  <Printer className="icon" aria-hidden="true" />
                </button>
              ) : null}
            </td>
            <td>
              <span className={`status-badge status-badge-${doc.status}`}>{t(DOCUMENT_STATUS_KEY[doc.status])}</span>
            </td>
            <td className="numeric">{doc.currentVersion}</td>
            <td>
              <GradingBadge level={doc.grading} />
            </td>
            <td className="nowrap">{formatTimestamp(locale, doc.updatedAt)}</td>
          </tr>
        );
      })}
    </FramedTable>
  );
}
