import { useRouter } from '../../app/router';
import { useI18n } from '../../app/i18n';
import { StatusMessage } from '../../components/status-message';

/** On the case list (or the deleted cases) after a purge: which case went, and that the audit log keeps ids and the reason only. */
export function PurgedNotice() {
  const { t } = useI18n();
  const { route } = useRouter();
  if ((route.screen !== 'cases' && route.screen !== 'deletedCases') || !route.purged) return null;
  const pending = route.overwritePending === true;
  return (
    <div role="status">
      <StatusMessage
        tone={pending ? 'warning' : 'success'}
        testId="purged-notice"
        title={t(pending ? 'purge.dialog.donePending' : 'purge.dialog.done', { reference: route.purged })}
      />
    </div>
  );
}
