import { UserPlus } from 'lucide-react';
import type { MeetingContent, MeetingType } from '../../../../shared/domain';
import { MeetingTypeSchema } from '../../../../shared/domain';
import type { Template } from '../../../../shared/templates';
import { useT } from '../../../app/i18n';
import { Button } from '../../../components/button';
import { ChoiceSelect, DateInput, FieldGroup, TextArea, TextInput } from '../fields';
import { removeAt, replaceAt } from '../form-values';
import { fieldSetter, type KindEditorProps } from './kind-editor';
import { MEETING_TYPE_KEY } from '../../../lib/document-labels';
import { RepeatingRows } from '../repeating-rows';
import { missingExpectedRows, newAction, newParticipant } from './meeting-form';
import { ActionFields, ParticipantFields } from './meeting-rows';

type MeetingText = 'agenda' | 'informationShared' | 'decisions';
const TEXT_FIELDS: readonly MeetingText[] = ['agenda', 'informationShared', 'decisions'];
const TEXT_LABEL = {
  agenda: 'domain.meeting.agenda',
  informationShared: 'domain.meeting.informationShared',
  decisions: 'domain.meeting.decisions',
} as const satisfies Record<MeetingText, string>;

/** Coordination meeting and its minutes (NO pkt 12). */
export function MeetingEditor({
  content,
  onChange,
  template,
}: KindEditorProps<MeetingContent> & { template: Template | null }) {
  const t = useT();
  const set = fieldSetter(content, onChange);
  const types = MeetingTypeSchema.options.map((value: MeetingType) => ({ value, label: t(MEETING_TYPE_KEY[value]) }));
  const section = (field: MeetingText) => template?.sections.find((s) => s.field === field);
  const missing = missingExpectedRows(content);
  const next = content.nextMeeting;
  return (
    <div className="doc-fields">
      {template?.intro ? <p className="doc-intro">{template.intro}</p> : null}
      <div className="doc-row doc-row-3">
        <ChoiceSelect
          path="meetingType"
          label={t('domain.meeting.meetingType')}
          options={types}
          value={content.meetingType}
          onChange={(v) => v && set('meetingType', v)}
        />
        <DateInput path="date" label={t('domain.meeting.date')} value={content.date} onChange={(v) => set('date', v)} />
        <TextInput
          path="place"
          label={t('domain.meeting.place')}
          value={content.place}
          onChange={(v) => set('place', v)}
        />
      </div>
      {content.meetingType === 'release' ? (
        <DateInput
          path="releaseDate"
          label={t('domain.meeting.releaseDate')}
          hint={t('editors.meeting.releaseDateHint')}
          value={content.releaseDate}
          onChange={(v) => set('releaseDate', v)}
        />
      ) : null}
      <RepeatingRows
        path="participants"
        legend={t('domain.meeting.participants')}
        hint={t('editors.meeting.participantsHint')}
        items={content.participants}
        rowLabel={(i) => t('editors.meeting.participantRow', { n: i + 1 })}
        removeLabel={(i) => t('editors.meeting.removeParticipant', { n: i + 1 })}
        addLabel={t('editors.meeting.addParticipant')}
        emptyText={t('editors.meeting.noParticipants')}
        onAdd={() => set('participants', [...content.participants, newParticipant()])}
        onRemove={(i) => set('participants', removeAt(content.participants, i))}
        renderRow={(participant, i) => (
          <ParticipantFields
            index={i}
            participant={participant}
            onChange={(row) => set('participants', replaceAt(content.participants, i, row))}
          />
        )}
        testId="participant-rows"
      />
      {missing.length > 0 ? (
        <div className="doc-inline-action">
          <Button
            variant="link"
            icon={UserPlus}
            onClick={() => set('participants', [...content.participants, ...missing])}
          >
            {t('editors.meeting.addExpected', { count: missing.length })}
          </Button>
        </div>
      ) : null}
      {TEXT_FIELDS.map((field) => (
        <TextArea
          key={field}
          path={field}
          label={section(field)?.heading ?? t(TEXT_LABEL[field])}
          hint={section(field)?.guidance}
          rows={field === 'agenda' ? 3 : 5}
          value={content[field]}
          onChange={(v) => set(field, v)}
        />
      ))}
      <RepeatingRows
        path="actions"
        legend={t('domain.meeting.actions')}
        hint={t('editors.meeting.actionsHint')}
        items={content.actions}
        rowLabel={(i) => t('editors.meeting.actionRow', { n: i + 1 })}
        removeLabel={(i) => t('editors.meeting.removeAction', { n: i + 1 })}
        addLabel={t('editors.meeting.addAction')}
        emptyText={t('editors.meeting.noActions')}
        onAdd={() => set('actions', [...content.actions, newAction()])}
        onRemove={(i) => set('actions', removeAt(content.actions, i))}
        rowKey={(action) => action.id}
        renderRow={(action, i) => (
          <ActionFields
            index={i}
            action={action}
            onChange={(row) => set('actions', replaceAt(content.actions, i, row))}
          />
        )}
        testId="action-rows"
      />
      <FieldGroup path="nextMeeting" legend={t('domain.meeting.nextMeeting')}>
        <div className="doc-row doc-row-3">
          <DateInput
            path="nextMeeting.date"
            label={t('domain.meeting.nextMeeting.date')}
            value={next.date}
            onChange={(date) => set('nextMeeting', { ...next, date })}
          />
          <TextInput
            path="nextMeeting.place"
            label={t('domain.meeting.nextMeeting.place')}
            value={next.place}
            onChange={(place) => set('nextMeeting', { ...next, place })}
          />
          <TextInput
            path="nextMeeting.notes"
            label={t('domain.meeting.nextMeeting.notes')}
            value={next.notes}
            onChange={(notes) => set('nextMeeting', { ...next, notes })}
          />
        </div>
      </FieldGroup>
    </div>
  );
}
