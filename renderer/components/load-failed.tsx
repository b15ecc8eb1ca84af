import { RotateCw } from 'lucide-react';
import type { IpcError } from '../../shared/ipc/result';
import { useI18n } from '../app/i18n';
import { Button } from './button';
import { StatusMessage } from './status-message';

/** A load that failed: the catalog message for what happened, and "Try again" when asking again can help. */
export function LoadFailed({ error, onRetry, testId }: { error: IpcError; onRetry?: () => void; testId?: string }) {
  const { t, tError } = useI18n();
  return (
    <StatusMessage tone="error" title={tError(error)} testId={testId ?? 'load-failed'}>
      {onRetry ? (
        <Button variant="secondary" icon={RotateCw} onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </StatusMessage>
  );
}
