import { useCallback, useEffect, useRef, useState } from 'react';
import { Save } from 'lucide-react';
import { useT } from '../../app/i18n';
import { useRouter, type Route } from '../../app/router';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';

/**
 * Asks before unsaved changes are left behind: on the editor's own links, on the main menu, and when
 * the window closes. The router has no guard of its own, so main-menu clicks are caught in the capture
 * phase before React handles them, and replayed once the person has chosen.
 */
export function useLeaveGuard(dirty: boolean, save: () => Promise<boolean>) {
  const t = useT();
  const { navigate } = useRouter();
  const [pending, setPending] = useState<(() => void) | null>(null);
  const [busy, setBusy] = useState(false);
  const replaying = useRef(false);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    const onClick = (event: MouseEvent) => {
      if (replaying.current) return;
      const target =
        event.target instanceof Element ? event.target.closest<HTMLElement>('.main-nav button, .main-nav a') : null;
      if (!target) return;
      event.preventDefault();
      event.stopPropagation();
      setPending(() => () => {
        replaying.current = true;
        target.click();
        replaying.current = false;
      });
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('click', onClick, true);
    };
  }, [dirty]);

  /** Navigates at once when nothing is unsaved; otherwise asks first. */
  const leave = useCallback(
    (route: Route) => (dirty ? setPending(() => () => navigate(route)) : navigate(route)),
    [dirty, navigate],
  );

  const proceed = (go: (() => void) | null) => {
    setPending(null);
    go?.();
  };

  const dialog = (
    <Dialog
      open={pending !== null}
      title={t('editors.leave.title')}
      onClose={() => setPending(null)}
      actions={
        <>
          <Button variant="secondary" onClick={() => setPending(null)}>
            {t('editors.leave.stay')}
          </Button>
          <Button variant="danger" onClick={() => proceed(pending)}>
            {t('editors.leave.discard')}
          </Button>
          <Button
            variant="primary"
            icon={Save}
            busy={busy}
            onClick={() => {
              const go = pending;
              setBusy(true);
              void save().then((ok) => {
                setBusy(false);
                if (ok) proceed(go);
                else setPending(null);
              });
            }}
          >
            {t('editors.leave.save')}
          </Button>
        </>
      }
    >
      <p>{t('editors.leave.body')}</p>
    </Dialog>
  );

  return { leave, dialog };
}
