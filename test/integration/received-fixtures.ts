import { exportArea, finalisedPlan, makeCase, planWith } from './export-fixtures';
import type { ServiceApp } from '../support/service-app';

/**
 * A unit that sends signed plans, and a receiving vault that imports them (as KDI does): `receive` makes
 * a finalised plan under `reference` at the sender, exports it as a signed container and imports it into
 * `into`, returning the received document's summary. Fictional people only.
 */
export async function receivingFrom(sender: ServiceApp) {
  await exportArea(sender).call('signing.generateIdentity', { unitName: 'Fiktivby fengsel' });
  return async (into: ServiceApp, reference: string) => {
    const plan = await finalisedPlan(sender, await makeCase(sender, reference), planWith(`Mottatt plan ${reference}`));
    const { fileBase64 } = await exportArea(sender).call('export.asice', { documentId: plan.id, recipient: 'kdi' });
    const imported = await into.call('import.file', { fileName: 'plan.asice', fileBase64, acceptUntrusted: true });
    if (imported.outcome !== 'imported') throw new Error('refused');
    return imported.received;
  };
}
