import { useEffect, useRef, useState } from 'react';
import { Printer, X } from 'lucide-react';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { blobFromBase64 } from '../../lib/file-bytes';

/** A PDF shown in a frame from a blob URL, with a Print button that prints the frame. */
export function PdfSheet({ pdfBase64, title, onClose }: { pdfBase64: string; title: string; onClose(): void }) {
  const { t } = useI18n();
  const frame = useRef<HTMLIFrameElement>(null);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const created = URL.createObjectURL(blobFromBase64(pdfBase64, 'application/pdf'));
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [pdfBase64]);
  const print = () => {
    const target = frame.current?.contentWindow;
    target?.focus();
    target?.print();
  };
  return (
    <div className="pdf-sheet">
      <div className="form-actions">
        <Button variant="primary" icon={Printer} onClick={print} disabled={!url} data-testid="fingerprint-sheet-print">
          {t('exchange.print.print')}
        </Button>
        <Button icon={X} onClick={onClose}>
          {t('exchange.settings.sheetClose')}
        </Button>
      </div>
      {url ? (
        <iframe
          ref={frame}
          className="print-frame pdf-sheet-frame"
          src={url}
          title={title}
          data-testid="fingerprint-sheet"
        />
      ) : null}
    </div>
  );
}
