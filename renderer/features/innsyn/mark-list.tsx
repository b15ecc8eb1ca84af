import { X } from 'lucide-react';
import { basisLabelKey, type LocatedText, type ProposalSource, type Redaction } from '../../../shared/domain/redaction';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { Select } from '../../components/select';

export interface BasisOption {
  id: string;
  citation: string;
}

/** "offl. § 13 – Opplysninger underlagt taushetsplikt": the provision and its short label. */
export function useBasisOptions(bases: readonly BasisOption[]) {
  const { t } = useI18n();
  return bases.map((b) => ({ value: b.id, label: `${b.citation} – ${t(basisLabelKey(b.id))}` }));
}

const TERM_KEY = {
  contact: 'innsyn.marks.term.contact',
  participant: 'innsyn.marks.term.participant',
  mentor: 'innsyn.marks.term.mentor',
  named: 'innsyn.marks.term.named',
} as const satisfies Record<ProposalSource, string>;

function useDescribe(texts: readonly LocatedText[]) {
  const { t } = useI18n();
  return (r: Redaction): string => {
    if (r.type === 'term') return t(TERM_KEY[r.source], { term: r.term });
    const place = texts.find((x) => x.documentId === r.documentId && x.path === r.path);
    const label = place?.label ?? r.path;
    if (r.type === 'field') return t('innsyn.marks.field', { label });
    return t('innsyn.marks.passage', { label, excerpt: place?.text.slice(r.start, r.end) ?? '' });
  };
}

interface MarkListProps {
  redactions: readonly Redaction[];
  texts: readonly LocatedText[];
  bases: readonly BasisOption[];
  onBasis(index: number, basis: string): void;
  onRemove(index: number): void;
}

/** The marks so far, each with its own basis; removing one puts the text back in the copy. */
export function MarkList({ redactions, texts, bases, onBasis, onRemove }: MarkListProps) {
  const { t } = useI18n();
  const options = useBasisOptions(bases);
  const describe = useDescribe(texts);
  if (redactions.length === 0) return <p className="innsyn-muted">{t('innsyn.marks.none')}</p>;
  return (
    <ol className="innsyn-marks" data-testid="innsyn-marks">
      {redactions.map((r, index) => (
        <li key={`${index}-${r.type}`} className="innsyn-mark">
          <p className="innsyn-mark-what">{describe(r)}</p>
          <Select
            label={t('innsyn.marks.basis', { n: index + 1 })}
            value={r.basis}
            options={options}
            onValueChange={(basis) => onBasis(index, basis)}
          />
          <Button
            variant="ghost"
            icon={X}
            aria-label={t('innsyn.marks.removeNumbered', { n: index + 1 })}
            onClick={() => onRemove(index)}
          >
            {t('innsyn.marks.remove')}
          </Button>
        </li>
      ))}
    </ol>
  );
}
