import { Search } from 'lucide-react';
import type { CaseStatus, GradingLevel, Profile } from '../../../shared/domain';
import { CaseStatusSchema, gradingScale } from '../../../shared/domain';
import { useT } from '../../app/i18n';
import { Select } from '../../components/select';
import { TextField } from '../../components/text-field';
import { CASE_STATUS_KEY } from './case-labels';
import type { CaseQuery, CaseSort } from './use-case-pages';

const SORT_KEY = {
  reference: 'cases.sort.reference',
  updated: 'cases.sort.updated',
  release: 'cases.sort.release',
} as const satisfies Record<CaseSort, string>;

const SORTS: readonly CaseSort[] = ['reference', 'updated', 'release'];

export interface CaseFiltersProps {
  profile: Profile;
  units: readonly string[];
  /** The search box as typed (the list follows it after a short pause). */
  text: string;
  onTextChange(text: string): void;
  query: CaseQuery;
  onQueryChange(query: CaseQuery): void;
}

/** Search box, filters (unit, status, grading) and sort order above the case list. */
export function CaseFilters({ profile, units, text, onTextChange, query, onQueryChange }: CaseFiltersProps) {
  const t = useT();
  const statusOptions = [
    { value: '' as const, label: t('cases.filter.allStatuses') },
    ...CaseStatusSchema.options.map((status) => ({ value: status, label: t(CASE_STATUS_KEY[status]) })),
  ];
  const gradingOptions = [
    { value: '' as const, label: t('cases.filter.allGradings') },
    ...gradingScale(profile).map((level) => ({ value: level, label: level })),
  ];
  // A unit filter left over from an earlier visit stays selectable even if no live case has it now.
  const unitValues = query.unit && !units.includes(query.unit) ? [...units, query.unit] : units;
  const unitOptions = [
    { value: '', label: t('cases.filter.allUnits') },
    ...unitValues.map((unit) => ({ value: unit, label: unit })),
  ];

  return (
    <form
      role="search"
      className="case-filters"
      aria-label={t('cases.filter.label')}
      onSubmit={(event) => event.preventDefault()}
    >
      <TextField
        className="case-filter-search"
        type="search"
        label={t('cases.filter.search')}
        placeholder={t('cases.filter.searchPlaceholder')}
        value={text}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onTextChange(event.target.value)}
        trailing={<Search className="icon input-icon" aria-hidden="true" />}
        data-testid="case-search"
      />
      <Select<string>
        label={t('cases.filter.unit')}
        value={query.unit}
        options={unitOptions}
        onValueChange={(unit) => onQueryChange({ ...query, unit })}
      />
      <Select<CaseStatus | ''>
        label={t('cases.filter.status')}
        value={query.status}
        options={statusOptions}
        onValueChange={(status) => onQueryChange({ ...query, status })}
      />
      <Select<GradingLevel | ''>
        label={t('cases.filter.grading')}
        value={query.grading}
        options={gradingOptions}
        onValueChange={(grading) => onQueryChange({ ...query, grading })}
      />
      <Select<CaseSort>
        label={t('cases.filter.sort')}
        value={query.sort}
        options={SORTS.map((sort) => ({ value: sort, label: t(SORT_KEY[sort]) }))}
        onValueChange={(sort) => onQueryChange({ ...query, sort })}
      />
    </form>
  );
}
