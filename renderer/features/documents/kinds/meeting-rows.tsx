import type { ActionStatus, Agency, MeetingAction, Participant, ServiceUnitKind } from '../../../../shared/domain';
import { ActionStatusSchema, AgencySchema, ServiceUnitKindSchema } from '../../../../shared/domain';
import { useT } from '../../../app/i18n';
import { ChoiceSelect, DateInput, TextArea, TextInput } from '../fields';
import { ACTION_STATUS_KEY, AGENCY_KEY, UNIT_KIND_KEY } from '../../../lib/document-labels';

function useAgencyChoices() {
  const t = useT();
  return AgencySchema.options.map((value: Agency) => ({ value, label: t(AGENCY_KEY[value]) }));
}

/** One participant: name, agency (and for the correctional service, which part of it), role. */
export function ParticipantFields({
  index,
  participant,
  onChange,
}: {
  index: number;
  participant: Participant;
  onChange(next: Participant): void;
}) {
  const t = useT();
  const agencies = useAgencyChoices();
  const unitKinds = ServiceUnitKindSchema.options.map((value: ServiceUnitKind) => ({
    value,
    label: t(UNIT_KIND_KEY[value]),
  }));
  const path = `participants.${index}`;
  const setAgency = (agency: Agency | undefined) => {
    if (!agency) return;
    // The unit kind only applies to the correctional service's own people.
    const { unitKind, ...rest } = participant;
    onChange(
      agency === 'kriminalomsorgen' ? { ...rest, agency, ...(unitKind ? { unitKind } : {}) } : { ...rest, agency },
    );
  };
  return (
    <div className="doc-row doc-row-4">
      <TextInput
        path={`${path}.name`}
        label={t('domain.meeting.participant.name')}
        value={participant.name}
        onChange={(name) => onChange({ ...participant, name })}
      />
      <ChoiceSelect
        path={`${path}.agency`}
        label={t('domain.meeting.participant.agency')}
        options={agencies}
        value={participant.agency}
        onChange={setAgency}
      />
      {participant.agency === 'kriminalomsorgen' ? (
        <ChoiceSelect
          path={`${path}.unitKind`}
          label={t('domain.meeting.participant.unitKind')}
          emptyLabel={t('editors.field.notGiven')}
          options={unitKinds}
          value={participant.unitKind}
          onChange={(unitKind) => onChange({ ...participant, unitKind })}
        />
      ) : null}
      <TextInput
        path={`${path}.role`}
        label={t('domain.meeting.participant.role')}
        value={participant.role}
        onChange={(role) => onChange({ ...participant, role })}
      />
    </div>
  );
}

/** One decided action: what, who owns it (and their agency), deadline, status. */
export function ActionFields({
  index,
  action,
  onChange,
}: {
  index: number;
  action: MeetingAction;
  onChange(next: MeetingAction): void;
}) {
  const t = useT();
  const agencies = useAgencyChoices();
  const statuses = ActionStatusSchema.options.map((value: ActionStatus) => ({
    value,
    label: t(ACTION_STATUS_KEY[value]),
  }));
  const path = `actions.${index}`;
  return (
    <div className="doc-fields-tight">
      <TextArea
        path={`${path}.description`}
        label={t('domain.meeting.action.description')}
        rows={2}
        value={action.description}
        onChange={(description) => onChange({ ...action, description })}
      />
      <div className="doc-row doc-row-4">
        <TextInput
          path={`${path}.owner`}
          label={t('domain.meeting.action.owner')}
          value={action.owner}
          onChange={(owner) => onChange({ ...action, owner })}
        />
        <ChoiceSelect
          path={`${path}.ownerAgency`}
          label={t('domain.meeting.action.ownerAgency')}
          emptyLabel={t('editors.field.notGiven')}
          options={agencies}
          value={action.ownerAgency}
          onChange={(ownerAgency) => onChange({ ...action, ownerAgency })}
        />
        <DateInput
          path={`${path}.deadline`}
          label={t('domain.meeting.action.deadline')}
          value={action.deadline}
          onChange={(deadline) => onChange({ ...action, deadline })}
        />
        <ChoiceSelect
          path={`${path}.status`}
          label={t('domain.meeting.action.status')}
          options={statuses}
          value={action.status}
          onChange={(status) => status && onChange({ ...action, status })}
        />
      </div>
    </div>
  );
}
