import { useRouter } from '../../app/router';
import { useI18n } from '../../app/i18n';
import { StatusMessage } from '../../components/status-message';

/** On the case list (or the deleted cases) after a purge: which case went, and that the audit log keeps ids and the reason only. */
export function PurgedNotice() {
  const { t } = useI18n();
  const { route } = useRouter();
  if ((route.screen !== 'cases' && route.screen !== 'deletedCases') || !route.purged) return null;
  return (
    <div role="status">
      <StatusMessage
        tone="success"
        testId="purged-notice"
        title={t('purge.dialog.done', { reference: route.purged })}
      />
    </div>
  );
}
