import type { Locale } from '../../../shared/domain/profile';
import { useI18n } from '../../app/i18n';
import { Checkbox } from '../../components/checkbox';
import { Select } from '../../components/select';
import { dueKindLabel } from './due-row';

export interface DueFilterState {
  unit: string;
  kind: string;
  mine: boolean;
  groupBy: 'status' | 'case';
}

export const NO_FILTER: DueFilterState = { unit: '', kind: '', mine: false, groupBy: 'status' };

/** The due view's input for a filter state ('' means all). */
export function filterInput(filter: DueFilterState) {
  return {
    ...(filter.unit ? { unit: filter.unit } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.mine ? { mine: true } : {}),
    groupBy: filter.groupBy,
  };
}

const kindOptions = (locale: Locale, kinds: readonly string[], all: string) => [
  { value: '', label: all },
  ...kinds
    .map((kind) => ({ value: kind, label: dueKindLabel(locale, kind) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale)),
];

/** Unit, kind, "only ours" and the grouping, above the due list. */
export function DueFilters({
  filter,
  units,
  kinds,
  onChange,
}: {
  filter: DueFilterState;
  units: readonly string[];
  kinds: readonly string[];
  onChange(next: DueFilterState): void;
}) {
  const { t, locale } = useI18n();
  return (
    <form
      className="due-filters"
      aria-label={t('workbench.due.filters.label')}
      onSubmit={(event) => event.preventDefault()}
      data-testid="due-filters"
    >
      <Select
        label={t('workbench.due.filters.unit')}
        value={filter.unit}
        options={[
          { value: '', label: t('workbench.due.filters.allUnits') },
          ...units.map((unit) => ({ value: unit, label: unit })),
        ]}
        onValueChange={(unit) => onChange({ ...filter, unit })}
        data-testid="due-filter-unit"
      />
      <Select
        label={t('workbench.due.filters.kind')}
        value={filter.kind}
        options={kindOptions(locale, kinds, t('workbench.due.filters.allKinds'))}
        onValueChange={(kind) => onChange({ ...filter, kind })}
        data-testid="due-filter-kind"
      />
      <Select
        label={t('workbench.due.filters.groupBy')}
        value={filter.groupBy}
        options={[
          { value: 'status', label: t('workbench.due.group.status') },
          { value: 'case', label: t('workbench.due.group.case') },
        ]}
        onValueChange={(groupBy) => onChange({ ...filter, groupBy })}
        data-testid="due-filter-group"
      />
      <div className="due-filter-mine">
        <Checkbox
          label={t('workbench.due.filters.mine')}
          checked={filter.mine}
          onCheckedChange={(mine) => onChange({ ...filter, mine })}
          aria-describedby="due-filter-mine-hint"
          data-testid="due-filter-mine"
        />
        <p className="field-hint" id="due-filter-mine-hint">
          {t('workbench.due.filters.mineHint')}
        </p>
      </div>
    </form>
  );
}
