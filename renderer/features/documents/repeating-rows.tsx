import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Plus, Trash2 } from 'lucide-react';
import { Button } from '../../components/button';
import { useT } from '../../app/i18n';
import { useEditorReadOnly } from './editor-context';
import { FieldGroup } from './fields';
import { InlineFindings } from './finding-item';
import { fieldId } from './findings-view';

export interface RepeatingRowsProps<T> {
  /** The list's content path, e.g. "participants"; findings about the list show under its legend. */
  path: string;
  legend: string;
  hint?: string;
  items: readonly T[];
  /** "Deltaker 2": the legend of one row, also used in its remove button's name. */
  rowLabel(index: number): string;
  /** "Fjern deltaker 2". */
  removeLabel(index: number): string;
  addLabel: string;
  /** Shown when the list is empty: what the list is for and what to do. */
  emptyText: string;
  onAdd(): void;
  onRemove(index: number): void;
  renderRow(item: T, index: number): ReactNode;
  /** React keys; the index is used when items have no identity of their own. */
  rowKey?(item: T, index: number): string;
  testId?: string;
  /** E.g. no mentor in the register to choose from; the reason is given in `hint` or nearby text. */
  addDisabled?: boolean;
}

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled])';

/**
 * A list of rows with add and remove buttons. After adding, focus moves to the new row's first field;
 * after removing, to the row that took its place (or the add button), so keyboard users never lose
 * their place.
 */
export function RepeatingRows<T>(props: RepeatingRowsProps<T>) {
  const t = useT();
  const {
    path,
    legend,
    hint,
    items,
    rowLabel,
    removeLabel,
    addLabel,
    emptyText,
    onAdd,
    onRemove,
    renderRow,
    rowKey,
    testId,
    addDisabled,
  } = props;
  const list = useRef<HTMLOListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const readOnly = useEditorReadOnly();

  useEffect(() => {
    if (focusRow === null) return;
    const row = list.current?.children[focusRow];
    const target = row?.querySelector<HTMLElement>(FOCUSABLE) ?? addButton.current;
    target?.focus();
    setFocusRow(null);
  }, [focusRow, items.length]);

  return (
    <FieldGroup path={path} legend={legend} hint={hint} className="repeat">
      {items.length === 0 ? (
        <p className="repeat-empty muted">{readOnly ? t('editors.field.notGiven') : emptyText}</p>
      ) : null}
      <ol className="repeat-list" ref={list} data-testid={testId}>
        {items.map((item, index) => (
          <li key={rowKey ? rowKey(item, index) : index} className="repeat-row">
            <fieldset className="repeat-row-fields" id={fieldId(`${path}.${index}`)}>
              <legend className="repeat-row-legend">{rowLabel(index)}</legend>
              <InlineFindings path={`${path}.${index}`} />
              <div className="repeat-row-body">{renderRow(item, index)}</div>
            </fieldset>
            {readOnly ? null : (
              <div className="repeat-row-actions">
                <Button
                  variant="ghost"
                  icon={Trash2}
                  aria-label={removeLabel(index)}
                  onClick={() => {
                    onRemove(index);
                    setFocusRow(index < items.length - 1 ? index : items.length - 2 >= 0 ? items.length - 2 : -1);
                  }}
                >
                  {t('editors.rows.remove')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {readOnly ? null : (
        <div className="repeat-add">
          <Button
            ref={addButton}
            variant="secondary"
            icon={Plus}
            disabled={addDisabled}
            onClick={() => {
              onAdd();
              setFocusRow(items.length);
            }}
          >
            {addLabel}
          </Button>
        </div>
      )}
    </FieldGroup>
  );
}
