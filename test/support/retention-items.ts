import type { IsoDate } from '../../shared/domain';
import type { ServiceApp } from './service-app';

/** The due list's retention items on `today`, through the router: [case reference, due day] each. */
export async function retentionItems(s: ServiceApp, today: IsoDate): Promise<[string, string][]> {
  const { items } = await s.call('due.list', { today });
  return items.filter((item) => item.kind === 'retention_expired').map((item) => [item.caseReference, item.dueDate]);
}
