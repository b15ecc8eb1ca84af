import type { FollowUpPlanContent } from '../../../../shared/domain';
import { useT } from '../../../app/i18n';
import { DateInput, TextArea, TextInput } from '../fields';
import { localIsoDate, removeAt, replaceAt } from '../form-values';
import { RepeatingRows } from '../repeating-rows';
import type { EditorPartProps } from './kind-editor';

type Props = EditorPartProps<FollowUpPlanContent>;
type Involved = NonNullable<FollowUpPlanContent['involved']>[number];
type Problem = NonNullable<FollowUpPlanContent['agencyProblems']>[number];

/** NO pkt 11: the people the radicalisation contact involved in preparing the plan. */
export function InvolvedFields({ content, set }: Props) {
  const t = useT();
  const items = content.involved ?? [];
  const setRow = (i: number, next: Involved) => set('involved', replaceAt(items, i, next));
  return (
    <RepeatingRows
      path="involved"
      legend={t('regulatory.plan.involved')}
      items={items}
      rowLabel={(i) => t('regulatory.plan.involvedRow', { n: i + 1 })}
      removeLabel={(i) => t('regulatory.plan.removeInvolved', { n: i + 1 })}
      addLabel={t('regulatory.plan.addInvolved')}
      emptyText={t('regulatory.plan.noInvolved')}
      onAdd={() => set('involved', [...items, { name: '', role: '' }])}
      onRemove={(i) => set('involved', removeAt(items, i))}
      renderRow={(row, i) => (
        <div className="doc-row">
          <TextInput
            path={`involved.${i}.name`}
            label={t('regulatory.plan.involvedName')}
            value={row.name}
            onChange={(v) => setRow(i, { ...row, name: v })}
          />
          <TextInput
            path={`involved.${i}.role`}
            label={t('regulatory.plan.involvedRole')}
            value={row.role}
            onChange={(v) => setRow(i, { ...row, role: v })}
          />
        </div>
      )}
    />
  );
}

/** NO pkt 11: problems in the cooperation with other agencies, and when each was reported to KDI. */
export function AgencyProblemFields({ content, set }: Props) {
  const t = useT();
  const items = content.agencyProblems ?? [];
  const setRow = (i: number, next: Problem) => set('agencyProblems', replaceAt(items, i, next));
  return (
    <RepeatingRows
      path="agencyProblems"
      legend={t('regulatory.plan.agencyProblems')}
      items={items}
      rowLabel={(i) => t('regulatory.plan.agencyRow', { n: i + 1 })}
      removeLabel={(i) => t('regulatory.plan.removeAgency', { n: i + 1 })}
      addLabel={t('regulatory.plan.addAgency')}
      emptyText={t('regulatory.plan.noAgency')}
      onAdd={() =>
        set('agencyProblems', [...items, { notedOn: localIsoDate(new Date()), agency: '', description: '' }])
      }
      onRemove={(i) => set('agencyProblems', removeAt(items, i))}
      renderRow={(row, i) => (
        <>
          <div className="doc-row doc-row-3">
            <DateInput
              path={`agencyProblems.${i}.notedOn`}
              label={t('regulatory.plan.agencyNotedOn')}
              value={row.notedOn}
              onChange={(v) => v && setRow(i, { ...row, notedOn: v })}
            />
            <TextInput
              path={`agencyProblems.${i}.agency`}
              label={t('regulatory.plan.agency')}
              value={row.agency}
              onChange={(v) => setRow(i, { ...row, agency: v })}
            />
            <DateInput
              path={`agencyProblems.${i}.reportedToKdiOn`}
              label={t('regulatory.plan.agencyReportedOn')}
              value={row.reportedToKdiOn}
              onChange={(v) => setRow(i, { ...row, reportedToKdiOn: v })}
            />
          </div>
          <TextArea
            path={`agencyProblems.${i}.description`}
            label={t('regulatory.plan.agencyDescription')}
            rows={2}
            value={row.description}
            onChange={(v) => setRow(i, { ...row, description: v })}
          />
        </>
      )}
    />
  );
}
