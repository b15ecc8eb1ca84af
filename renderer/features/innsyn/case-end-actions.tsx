import { useState } from 'react';
import { FileLock, Trash2 } from 'lucide-react';
import type { CaseView } from '../../../shared/ipc/cases';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { Button } from '../../components/button';
import { PurgeDialog } from '../purge/purge-dialog';

/**
 * The case header's actions for the end of a case's life: an innsyn copy (NO pkt 11), and for a closed
 * (released) case, purging it for good (issue 14).
 */
export function CaseEndActions({ kase }: { kase: CaseView | null }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const [purging, setPurging] = useState(false);
  if (!kase) return null;
  return (
    <>
      <Button variant="secondary" icon={FileLock} onClick={() => navigate({ screen: 'innsyn', caseId: kase.id })}>
        {t('innsyn.open')}
      </Button>
      {kase.status === 'loslatt' ? (
        <Button variant="danger" icon={Trash2} onClick={() => setPurging(true)} data-testid="purge-open">
          {t('purge.dialog.open')}
        </Button>
      ) : null}
      <PurgeDialog
        caseId={kase.id}
        reference={kase.caseReference}
        open={purging}
        onClose={() => setPurging(false)}
        onPurged={(reference, overwritten) =>
          navigate({ screen: 'cases', purged: reference, overwritePending: !overwritten })
        }
      />
    </>
  );
}
