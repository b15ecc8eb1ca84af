import { useRef, useState } from 'react';
import { Highlighter, SquareX } from 'lucide-react';
import type { LocatedText, Redaction } from '../../../shared/domain/redaction';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { TextAreaField } from '../../components/text-area-field';

/** Texts worth marking: labels of the form (keys, column headers) and empty values are left out. */
export function markable(text: LocatedText): boolean {
  return text.text.trim() !== '' && !/\.(key|header)$/.test(text.path);
}

interface TextMarkerProps {
  text: LocatedText;
  basis: string;
  onMark(redaction: Redaction): void;
}

/**
 * One text of the copy, read-only but selectable with mouse or keyboard (Shift+arrows): the selected
 * passage or the whole field is marked exempt with the basis chosen above.
 */
export function TextMarker({ text, basis, onMark }: TextMarkerProps) {
  const { t } = useI18n();
  const area = useRef<HTMLTextAreaElement>(null);
  const [error, setError] = useState<string | undefined>();
  const lines = text.text.split('\n').length + Math.floor(text.text.length / 90);

  const markPassage = () => {
    const el = area.current;
    if (!el || el.selectionEnd <= el.selectionStart) {
      setError(t('innsyn.mark.selectFirst'));
      el?.focus();
      return;
    }
    setError(undefined);
    const { selectionStart: start, selectionEnd: end } = el;
    onMark({ type: 'passage', documentId: text.documentId, path: text.path, start, end, basis });
  };
  const markField = () => {
    setError(undefined);
    onMark({ type: 'field', documentId: text.documentId, path: text.path, basis });
  };

  return (
    <div className="innsyn-field" data-path={text.path}>
      <TextAreaField
        ref={area}
        label={text.label}
        value={text.text}
        readOnly
        rows={Math.min(Math.max(lines, 1), 8)}
        error={error}
      />
      <div className="innsyn-field-actions">
        <Button variant="secondary" icon={Highlighter} onClick={markPassage}>
          {t('innsyn.mark.passage')}
        </Button>
        <Button variant="ghost" icon={SquareX} onClick={markField}>
          {t('innsyn.mark.field')}
        </Button>
      </div>
    </div>
  );
}
