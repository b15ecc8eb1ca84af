import { useId, useState, type DragEvent } from 'react';
import { FileUp } from 'lucide-react';
import { Button } from '../../components/button';

export interface FileDropProps {
  /** Accessible name of the file input, e.g. "Choose a signed file". */
  label: string;
  hint: string;
  accept?: string;
  disabled?: boolean;
  onFile(file: File): void;
  /**
   * Choosing through the shell's open dialog (the main process reads the file). Without it, the
   * zone falls back to the page's own file input.
   */
  onChoose?: () => void;
  testId?: string;
}

/**
 * A drop zone with a real file input inside: dropping is a convenience, choosing with the keyboard
 * (Tab to the button, Enter or Space) is the way that always works.
 */
export function FileDrop({ label, hint, accept, disabled = false, onFile, onChoose, testId }: FileDropProps) {
  const id = `file${useId()}`;
  const [over, setOver] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };

  return (
    <div
      className={over ? 'drop-zone drop-zone-active' : 'drop-zone'}
      data-testid={testId}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <FileUp className="drop-zone-icon" aria-hidden="true" />
      <p className="drop-zone-hint" id={`${id}-hint`}>
        {hint}
      </p>
      {onChoose ? (
        <Button variant="primary" disabled={disabled} aria-describedby={`${id}-hint`} onClick={onChoose}>
          {label}
        </Button>
      ) : (
        <FileInput id={id} label={label} accept={accept} disabled={disabled} onFile={onFile} />
      )}
    </div>
  );
}

function FileInput({
  id,
  label,
  accept,
  disabled,
  onFile,
}: {
  id: string;
  label: string;
  accept?: string;
  disabled: boolean;
  onFile(file: File): void;
}) {
  return (
    <>
      <input
        id={id}
        type="file"
        className="file-input"
        accept={accept}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Clear the input so choosing the same file again still reports it.
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <label htmlFor={id} className="button button-primary file-input-label">
        <span>{label}</span>
      </label>
    </>
  );
}
