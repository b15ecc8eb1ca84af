import type { Grading, KindedContent, MeetingAction } from '../../../shared/domain';
import { useT } from '../../app/i18n';
import { EditorContextProvider } from './editor-context';
import type { FindingPlaces } from './finding-places';
import { DeadlinesPanel, FindingsPanel } from './findings-panel';
import { GradingPanel } from './grading-panel';
import { KindForm } from './kind-form';
import { KIND_KEY } from '../../lib/document-labels';
import type { DocumentEditor } from './use-document-editor';
import type { LinkedDocument } from './use-linked-documents';
import type { Template } from '../../../shared/templates';

/** The same content with another grading; each kind keeps its grading in the same place. */
function withGrading(data: KindedContent, grading: Grading): KindedContent {
  switch (data.kind) {
    case 'observation':
      return { kind: data.kind, content: { ...data.content, grading } };
    case 'concern':
      return { kind: data.kind, content: { ...data.content, grading } };
    case 'concern_report':
      return { kind: data.kind, content: { ...data.content, grading } };
    case 'follow_up_plan':
      return { kind: data.kind, content: { ...data.content, grading } };
    case 'future_plan':
      return { kind: data.kind, content: { ...data.content, grading } };
    case 'meeting':
      return { kind: data.kind, content: { ...data.content, grading } };
    case 'visit_routine':
      return { kind: data.kind, content: { ...data.content, grading } };
    case 'mentor_course':
      return { kind: data.kind, content: { ...data.content, grading } };
  }
}

/**
 * The form beside the grading, the rule check and the deadlines. `locked`: a finalised version, shown
 * read-only until the person chooses to change it (which makes a new version).
 */
export function ContentTab({
  editor,
  places,
  locked,
  template,
  linked,
  openActions,
}: {
  editor: DocumentEditor;
  places: FindingPlaces;
  locked: boolean;
  template: Template | null;
  linked: readonly LinkedDocument[];
  openActions: readonly MeetingAction[] | null;
}) {
  const t = useT();
  const { detail, draft } = editor;
  if (!detail || !draft) return null;
  const readOnly = editor.readOnly || locked;
  return (
    <div className="doc-layout">
      <EditorContextProvider value={{ inline: places.inline, readOnly }}>
        <form
          className="doc-form"
          noValidate
          onSubmit={(event) => event.preventDefault()}
          aria-label={t(KIND_KEY[detail.document.kind])}
        >
          <fieldset className="doc-plain-fieldset" disabled={readOnly}>
            <KindForm
              data={draft}
              onChange={editor.setDraft}
              context={{ template, mentors: editor.mentors, linked, openActions }}
            />
          </fieldset>
        </form>
        <aside className="doc-aside" aria-label={t('editors.aside.label')}>
          <GradingPanel
            profile={editor.profile}
            savedLevel={detail.data.content.grading.level}
            savedExemption={detail.data.content.grading.exemptionBasis}
            grading={draft.content.grading}
            downgradeReason={editor.downgradeReason}
            disabled={readOnly}
            onChange={(grading, reason) => {
              editor.setDraft(withGrading(draft, grading));
              editor.setDowngradeReason(reason);
            }}
          />
          <FindingsPanel
            places={places}
            finalisedAt={detail.version.status === 'final' && !editor.dirty ? detail.version.createdAt : undefined}
          />
          <DeadlinesPanel deadlines={places.deadlines} />
        </aside>
      </EditorContextProvider>
    </div>
  );
}
