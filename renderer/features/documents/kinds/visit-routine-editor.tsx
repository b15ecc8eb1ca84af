import type { VisitRoutineContent } from '../../../../shared/domain';
import type { MentorView } from '../../../../shared/ipc/records';
import { VISIT_ROUTINE_TEMPLATE, type Template } from '../../../../shared/templates';
import { useT } from '../../../app/i18n';
import { CheckField } from '../choice-fields';
import { ChoiceSelect, FieldGroup, TextArea, TextInput } from '../fields';
import { fieldSetter, type KindEditorProps } from './kind-editor';
import { sectionsInTemplateOrder, useFieldLabel } from './template-sections';

/** The routine's text fields, in the order NO pkt 9 lists them; the first two fit on one line. */
const TEXT_FIELDS = VISIT_ROUTINE_TEMPLATE.sections.map((s) => s.field);
const SINGLE_LINE: ReadonlySet<string> = new Set(['mentorName', 'mentorContact']);

function contactLine(mentor: MentorView): string {
  return [mentor.phone, mentor.email].filter((part) => part.trim() !== '').join(', ');
}

/** Routine for mentor visits (NO pkt 9), by its template; printed for the staff who need it. */
export function VisitRoutineEditor({
  content,
  onChange,
  template,
  mentors,
}: KindEditorProps<VisitRoutineContent> & { template: Template | null; mentors: readonly MentorView[] }) {
  const t = useT();
  const set = fieldSetter(content, onChange);
  const sections = sectionsInTemplateOrder(template, TEXT_FIELDS);
  const labelOf = useFieldLabel('visit_routine');
  const chooseMentor = (id: string | undefined) => {
    const mentor = mentors.find((m) => m.id === id);
    // Picking a mentor from the register fills name and contact; they stay editable for the printout.
    onChange(
      mentor
        ? { ...content, mentorId: mentor.id, mentorName: mentor.name, mentorContact: contactLine(mentor) }
        : { ...content, mentorId: undefined },
    );
  };
  const contact = content.contactPerson;
  return (
    <div className="doc-fields">
      {template?.intro ? <p className="doc-intro">{template.intro}</p> : null}
      <ChoiceSelect
        path="mentorId"
        label={t('editors.visitRoutine.mentor')}
        hint={mentors.length === 0 ? t('editors.visitRoutine.noMentors') : t('editors.visitRoutine.mentorHint')}
        emptyLabel={t('editors.visitRoutine.noMentorChosen')}
        options={mentors.map((m) => ({ value: m.id, label: m.name }))}
        value={content.mentorId}
        onChange={chooseMentor}
      />
      {sections.map(({ field, heading, guidance }) =>
        SINGLE_LINE.has(field) ? (
          <TextInput
            key={field}
            path={field}
            label={heading ?? labelOf(field)}
            hint={guidance}
            value={content[field]}
            onChange={(v) => set(field, v)}
          />
        ) : (
          <TextArea
            key={field}
            path={field}
            label={heading ?? labelOf(field)}
            hint={guidance}
            rows={3}
            value={content[field]}
            onChange={(v) => set(field, v)}
          />
        ),
      )}
      <FieldGroup
        path="contactPerson"
        legend={t('domain.visitRoutine.contactPerson')}
        hint={t('editors.visitRoutine.contactPersonHint')}
      >
        <CheckField
          path="contactPerson.isLocalContact"
          label={t('domain.visitRoutine.contactPerson.isLocalContact')}
          checked={contact.isLocalContact}
          onChange={(isLocalContact) => set('contactPerson', { ...contact, isLocalContact })}
        />
        <TextInput
          path="contactPerson.name"
          label={t('domain.visitRoutine.contactPerson.name')}
          value={contact.name}
          onChange={(name) => set('contactPerson', { ...contact, name })}
        />
        {contact.isLocalContact ? null : (
          <TextArea
            path="contactPerson.otherArrangement"
            label={t('domain.visitRoutine.contactPerson.otherArrangement')}
            rows={3}
            value={contact.otherArrangement}
            onChange={(otherArrangement) => set('contactPerson', { ...contact, otherArrangement })}
          />
        )}
      </FieldGroup>
    </div>
  );
}
