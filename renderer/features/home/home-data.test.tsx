import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DueView } from '../../../shared/ipc/due-view';
import type { IpcError } from '../../../shared/ipc/result';
import { I18nProvider } from '../../app/i18n';
import { RouterProvider } from '../../app/router';
import type { Load, Loaded } from '../../lib/use-load';
import { homeData, type HomeSummary } from './home-data';
import { RegisterNotice } from './home-screen';

const view = (overdue: number): DueView => ({
  items: [],
  counts: { overdue, due: 0, upcoming: 0 },
  caseCount: 1,
  units: [],
  kinds: [],
});
const locked: IpcError = { code: 'locked', messageKey: 'error.locked' };
const retried: string[] = [];

function load<T>(name: string, loaded: Loaded<T>, latest?: T): Load<T> {
  return { loaded, latest, reload: () => retried.push(name), set: () => undefined };
}
const ready = <T,>(value: T): Loaded<T> => ({ state: 'ready', value });
const summary = (over: Partial<HomeSummary> = {}) => load('summary', ready({ cases: 3, register: null, ...over }));

describe('the home screen’s data', () => {
  it('stays loading until both the summary and the due list have answered, so the page fills in once', () => {
    expect(homeData(summary(), load<DueView>('due', { state: 'loading' }))).toEqual({ phase: 'loading' });
    expect(homeData(load('summary', { state: 'loading' }), load('due', ready(view(2))))).toEqual({ phase: 'loading' });
    expect(homeData(summary(), load('due', ready(view(2))))).toMatchObject({ phase: 'ready', cases: 3, view: view(2) });
  });

  it('keeps the newest list on screen while a filter or "show more" loads the next one', () => {
    const next = load<DueView>('due', { state: 'loading' }, view(7));
    expect(homeData(summary(), next)).toMatchObject({ phase: 'ready', view: view(7) });
  });

  it('shows a failed load as the screen’s failure, with a retry of the load that failed', () => {
    retried.length = 0;
    const failedDue = homeData(summary(), load<DueView>('due', { state: 'failed', error: locked }, view(7)));
    expect(failedDue).toMatchObject({ phase: 'failed', error: locked });
    if (failedDue.phase === 'failed') failedDue.retry();
    const failedSummary = homeData(
      load<HomeSummary>('summary', { state: 'failed', error: locked }),
      load('due', ready(view(1))),
    );
    if (failedSummary.phase === 'failed') failedSummary.retry();
    expect(retried).toEqual(['due', 'summary']);
  });

  it('says so when the register’s send status could not be read, instead of showing nothing (NO pkt 2)', () => {
    const data = homeData(summary({ register: { ok: false, error: locked } }), load('due', ready(view(0))));
    const html = renderToStaticMarkup(
      <I18nProvider initialLocale="nb">
        <RouterProvider initial={{ screen: 'home' }}>
          <RegisterNotice data={data} onRetry={() => undefined} />
        </RouterProvider>
      </I18nProvider>,
    );
    expect(html).toContain('data-testid="home-register-failed"');
    expect(html).toContain('Kunne ikke lese om kontaktoversikten har endringer som ikke er sendt til KDI.');
    expect(html).toContain('Prøv igjen');
  });
});
