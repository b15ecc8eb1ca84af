import { useId, useState } from 'react';
import { Plus } from 'lucide-react';
import type { DocumentKind, KindedContent, Profile } from '../../../shared/domain';
import type { DocumentSummary } from '../../../shared/ipc/record-views';
import { TemplateKindSchema } from '../../../shared/templates/template';
import { useT } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { Button } from '../../components/button';
import { KIND_KEY } from '../../lib/document-labels';
import { KIND_EMPTY_KEY, KIND_INTRO_KEY, NEW_DOCUMENT_KEY } from './case-labels';
import { DocumentTable } from './document-table';
import { NewDocumentDialog } from './new-document-dialog';

/** The mentor course follows the profile: NO pkt 13 in a NO vault, the Danish circular in a DK vault. */
const MENTOR_COURSE_INTRO = {
  NO: 'cases.kindIntro.mentor_course',
  DK: 'cases.kindIntro.mentor_course_dk',
} as const satisfies Record<Profile, string>;

function NewDocumentButton({ caseId, kind }: { caseId: string; kind: DocumentKind }) {
  const t = useT();
  const { navigate } = useRouter();
  const [open, setOpen] = useState(false);
  const template = TemplateKindSchema.safeParse(kind);
  const label = t(NEW_DOCUMENT_KEY[kind]);
  if (!template.success) {
    return (
      <Button
        variant="primary"
        icon={Plus}
        onClick={() => navigate({ screen: 'documentNew', caseId, kind })}
        data-testid={`new-document-${kind}`}
      >
        {label}
      </Button>
    );
  }
  return (
    <>
      <Button
        variant="primary"
        icon={Plus}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid={`new-document-${kind}`}
      >
        {label}
      </Button>
      <NewDocumentDialog caseId={caseId} kind={template.data} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

interface KindSectionProps {
  caseId: string;
  kind: DocumentKind;
  profile: Profile;
  documents: readonly DocumentSummary[];
  contents: ReadonlyMap<string, KindedContent>;
}

function KindSection({ caseId, kind, profile, documents, contents }: KindSectionProps) {
  const t = useT();
  const headingId = `kind${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const intro = kind === 'mentor_course' ? MENTOR_COURSE_INTRO[profile] : KIND_INTRO_KEY[kind];
  return (
    <section className="kind-section" aria-labelledby={headingId} data-testid={`kind-section-${kind}`}>
      <div className="kind-section-head">
        <div>
          <h2 className="section-title" id={headingId}>
            {t(KIND_KEY[kind])}
          </h2>
          <p className="kind-intro">{t(intro)}</p>
        </div>
        <NewDocumentButton caseId={caseId} kind={kind} />
      </div>
      {documents.length > 0 ? (
        <DocumentTable documents={documents} contents={contents} labelledBy={headingId} />
      ) : (
        <p className="kind-empty">{t(KIND_EMPTY_KEY[kind])}</p>
      )}
    </section>
  );
}

export interface DocumentKindPanelProps {
  caseId: string;
  kinds: readonly DocumentKind[];
  profile: Profile;
  documents: readonly DocumentSummary[];
  contents: ReadonlyMap<string, KindedContent>;
}

/** One tab's kinds, each with its documents (newest change first) and a "New …" button. */
export function DocumentKindPanel({ caseId, kinds, profile, documents, contents }: DocumentKindPanelProps) {
  return (
    <div className="kind-panel">
      {kinds.map((kind) => (
        <KindSection
          key={kind}
          caseId={caseId}
          kind={kind}
          profile={profile}
          documents={documents.filter((doc) => doc.kind === kind)}
          contents={contents}
        />
      ))}
    </div>
  );
}
