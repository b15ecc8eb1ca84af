import type {
  ConcernContent,
  ConcernReportContent,
  FuturePlanContent,
  ObservationContent,
} from '../../../shared/domain';
import { CONCERN_POSITION_POINTS } from '../../../shared/domain';
import type { ViewBuilder } from './view-builder';

/** The observation log entry (NO pkt 4): who saw what, when, in which context, from which source. */
export function observationBlocks(b: ViewBuilder, c: ObservationContent): void {
  b.keyValues([
    [b.t('domain.observation.observedAt'), b.date(c.observedAt)],
    [b.t('domain.observation.observer'), b.text(c.observer)],
    [b.t('domain.observation.source'), b.enumLabel('observationSource', c.source)],
    [b.t('domain.observation.sourceDetail'), b.text(c.sourceDetail)],
  ]);
  b.section('seenOrHeard', 'domain.observation.seenOrHeard', c.seenOrHeard);
  b.section('context', 'domain.observation.context', c.context);
}

/** A concern and its investigation (NO pkt 5), with the position taken on each of its four points. */
export function concernBlocks(b: ViewBuilder, c: ConcernContent): void {
  b.keyValues([
    [b.t('domain.concern.raisedOn'), b.date(c.raisedOn)],
    [b.t('domain.concern.basis'), b.enumLabel('concernBasis', c.basis)],
    [b.t('domain.concern.observationIds'), b.t('export.view.linkedObservations', { count: c.observationIds.length })],
    [b.t('domain.concern.investigation.startedOn'), b.date(c.investigation.startedOn)],
  ]);
  b.section('description', 'domain.concern.description', c.description);
  b.section('investigation', 'domain.concern.investigation.findings', c.investigation.findings);
  for (const point of CONCERN_POSITION_POINTS) {
    const position = c.positions[point];
    b.heading(b.t(`domain.concern.${point}`));
    b.keyValues([[b.t('domain.concern.stance'), b.enumLabel('stance', position.stance)]]);
    b.paragraph(position.assessment);
  }
}

/** The concern report (NO pkt 6): its addressees and the three contents it must hold. */
export function concernReportBlocks(b: ViewBuilder, c: ConcernReportContent): void {
  b.keyValues([[b.t('domain.concernReport.reportDate'), b.date(c.reportDate)]]);
  b.heading(b.t('domain.concernReport.addressees'));
  b.table(
    [
      [b.t('export.view.addresseeRole'), 2],
      [b.t('export.view.addresseeParty'), 2],
      [b.t('export.view.addresseeName'), 4],
    ],
    c.addressees.map((a) => [
      b.enumLabel('addresseeRole', a.role),
      b.enumLabel('reportParty', a.party),
      b.text(a.name),
    ]),
  );
  b.section('cause', 'domain.concernReport.cause', c.cause);
  b.section('measures', 'domain.concernReport.measures', c.measures);
  b.section('whoHasBeenNotified', 'domain.concernReport.whoHasBeenNotified', c.whoHasBeenNotified);
}

/** The future plan (NO pkt 10): offered to the person, kept apart from the follow-up plan. */
export function futurePlanBlocks(b: ViewBuilder, c: FuturePlanContent): void {
  b.keyValues([
    [b.t('domain.futurePlan.offeredOn'), b.date(c.offeredOn)],
    [b.t('domain.futurePlan.personResponse'), b.enumLabel('futurePlanResponse', c.personResponse)],
  ]);
  b.section('plan', 'domain.futurePlan.plan', c.plan);
  b.section('notes', 'domain.futurePlan.notes', c.notes);
}
