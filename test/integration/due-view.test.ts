import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitKey } from '../../shared/domain/unit-name';
import { newMeetingDraft } from '../../shared/templates';
import { completePlan, GRADING } from '../support/document-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
let s: ServiceApp;
let north = '';
let south = '';

/** A case with a finalised plan (copies to region and KDI due) and a meeting with two open actions. */
async function caseWithWork(name: string, reference: string, unit: string): Promise<string> {
  const kase = await s.call('cases.create', {
    name,
    caseReference: reference,
    unit,
    status: 'fengsel',
    grading: GRADING,
  });
  const plan = await s.call('documents.create', { caseId: kase.id, kind: 'follow_up_plan', content: completePlan() });
  await s.call('documents.finalise', { id: plan.document.id });
  const action = (description: string, owner: string, ownerAgency: 'kriminalomsorgen' | 'politi') => ({
    id: randomUUID(),
    description,
    owner,
    ownerAgency,
    deadline: '2026-02-20',
    status: 'open' as const,
  });
  await s.call('documents.create', {
    caseId: kase.id,
    kind: 'meeting',
    content: {
      ...newMeetingDraft('startup', GRADING),
      date: '2026-02-10',
      actions: [
        action('Fiktiv samtale om skole', 'Jens Opdigtet', 'kriminalomsorgen'),
        action('Fiktiv kontakt med politiet', 'Politikontakt Fiktiv', 'politi'),
      ],
    },
  });
  return kase.id;
}

beforeAll(async () => {
  s = await apps.make('NO', '2026-03-02T10:00:00.000Z');
  north = await caseWithWork('Nora Fiktiv', 'KOMPIS-160001', 'Fiktivby fengsel');
  south = await caseWithWork('Sindre Fiktiv', 'KOMPIS-160002', 'Sørby fengsel');
});
afterAll(() => apps.cleanup());

describe('the home screen due view', () => {
  it('shows the copies to region and KDI as one row, with the person, case, action text and owner', async () => {
    const view = await s.call('due.view', {});
    const copies = view.items.filter((item) => item.filterKind === 'no_plan_copy');
    expect(copies).toHaveLength(2);
    expect(copies.every((item) => item.recipients?.join() === 'kdi,region')).toBe(true);
    // The plain list still has both copies: only the view merges them.
    const list = await s.call('due.list', {});
    expect(list.items.filter((item) => item.kind.startsWith('no_plan_copy'))).toHaveLength(4);

    const action = view.items.find(
      (item) => item.action?.description === 'Fiktiv samtale om skole' && item.caseId === north,
    );
    expect(action).toMatchObject({
      personName: 'Nora Fiktiv',
      caseReference: 'KOMPIS-160001',
      unit: 'Fiktivby fengsel',
      action: { owner: 'Jens Opdigtet' },
    });
    expect(view.units).toEqual(['Fiktivby fengsel', 'Sørby fengsel']);
    expect(view.kinds).toEqual(expect.arrayContaining(['no_meeting_action', 'no_plan_copy']));
    expect([view.counts.overdue + view.counts.due + view.counts.upcoming, view.caseCount]).toEqual([
      view.items.length,
      2,
    ]);
  });

  it('filters to one unit, one kind, and to what is ours (not actions owned by the police)', async () => {
    const unit = await s.call('due.view', { unit: 'Sørby fengsel' });
    expect(new Set(unit.items.map((item) => item.caseId))).toEqual(new Set([south]));
    expect(unit.caseCount).toBe(1);

    const actions = await s.call('due.view', { kind: 'no_meeting_action' });
    expect(actions.items.map((item) => item.filterKind)).toEqual(Array(4).fill('no_meeting_action'));

    const mine = await s.call('due.view', { kind: 'no_meeting_action', mine: true });
    expect(mine.items.map((item) => item.action?.owner)).toEqual(['Jens Opdigtet', 'Jens Opdigtet']);
    expect(mine.counts.overdue).toBe(2);
    // "Mine" alone counts without the police's actions too.
    const total = (view: { counts: Record<string, number> }) => Object.values(view.counts).reduce((a, b) => a + b, 0);
    const everything = await s.call('due.view', {});
    const ours = await s.call('due.view', { mine: true });
    expect(total(ours)).toBe(total(everything) - (total(actions) - total(mine)));
    expect(total(actions) - total(mine)).toBe(2);
  });

  it('groups by case: each case once, its rows together, and limits the number of cases', async () => {
    const grouped = await s.call('due.view', { groupBy: 'case' });
    const order = grouped.items.map((item) => item.caseId);
    const firstCase = order[0];
    const boundary = order.findIndex((id) => id !== firstCase);
    expect(order.slice(boundary).every((id) => id !== firstCase)).toBe(true);

    const one = await s.call('due.view', { groupBy: 'case', limit: 1 });
    expect(new Set(one.items.map((item) => item.caseId)).size).toBe(1);
    expect(one.caseCount).toBe(2);
  });

  it('lists by status across cases unless grouped by case: every overdue row first, the cases interleaved', async () => {
    const rank = { overdue: 0, due: 1, upcoming: 2 } as const;
    const byStatus = (await s.call('due.view', {})).items;
    const ranks = byStatus.map((item) => rank[item.status]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // Both cases have overdue actions and copies still to send: in status order a case comes back.
    const changes = (items: { caseId: string }[]) =>
      items.filter((item, i) => i > 0 && items[i - 1]!.caseId !== item.caseId).length;
    expect(changes(byStatus)).toBeGreaterThan(1);
    expect(changes((await s.call('due.view', { groupBy: 'case' })).items)).toBe(1);
  });

  it('shows an action whose text an insider made a number as one without text, and the rest of the list', async () => {
    const view = await s.call('due.view', { kind: 'no_meeting_action', unit: 'Sørby fengsel' });
    const target = view.items[0]!;
    const db = s.app.session.current().db;
    db.prepare(
      `UPDATE document_versions SET content = json_set(content, '$.actions[0].description', 42, '$.actions[0].owner', 7)
       WHERE document_id = ? AND version = (SELECT current_version FROM documents WHERE id = ?)`,
    ).run([target.documentId!, target.documentId!]);
    const after = await s.call('due.view', { kind: 'no_meeting_action', unit: 'Sørby fengsel' });
    expect(after.items).toHaveLength(view.items.length);
    expect(after.items.map((item) => item.action)).toContainEqual({ description: '', owner: '' });
  });

  it('answers from the kept list until something is written, then shows the new work', async () => {
    const before = await s.call('due.view', { unit: 'Østby fengsel' });
    expect(before.caseCount).toBe(0);
    const east = await caseWithWork('Østen Fiktiv', 'KOMPIS-160003', 'Østby fengsel');
    const after = await s.call('due.view', { unit: 'Østby fengsel' });
    expect(new Set(after.items.map((item) => item.caseId))).toEqual(new Set([east]));
    await s.call('cases.delete', { id: east, reason: 'Feilregistrert' });
    expect((await s.call('due.view', { unit: 'Østby fengsel' })).caseCount).toBe(0);
  });

  it('"mine" and the action texts follow an action handed from the police to us, once saved', async () => {
    const ours = async () =>
      (await s.call('due.view', { kind: 'no_meeting_action', mine: true, unit: 'Fiktivby fengsel' })).items;
    expect((await ours()).map((item) => item.action?.owner)).toEqual(['Jens Opdigtet']);
    const police = (await s.call('due.view', { kind: 'no_meeting_action', unit: 'Fiktivby fengsel' })).items.find(
      (item) => item.action?.owner === 'Politikontakt Fiktiv',
    );
    const meeting = await s.call('documents.get', { id: police!.documentId! });
    if (meeting.data.kind !== 'meeting') throw new Error('not a meeting');
    const { content } = meeting.data;
    const actions = content.actions.map((action) =>
      action.id === police!.actionId
        ? { ...action, owner: 'Kari Fiktiv', ownerAgency: 'kriminalomsorgen', description: 'Fiktiv samtale, overtatt' }
        : action,
    );
    await s.call('documents.save', { id: meeting.document.id, content: { ...content, actions } });
    const after = await ours();
    expect(after.map((item) => item.action)).toEqual(
      expect.arrayContaining([{ description: 'Fiktiv samtale, overtatt', owner: 'Kari Fiktiv' }]),
    );
    expect(after).toHaveLength(2);
  });

  it('keeps apart two minutes whose actions share an id (copied minutes): each row its own text and owner', async () => {
    const kase = await s.call('cases.create', {
      name: 'Vera Fiktiv',
      caseReference: 'KOMPIS-160004',
      unit: 'Vestby fengsel',
      status: 'fengsel',
      grading: GRADING,
    });
    const shared = randomUUID();
    const minutes = (date: string, description: string, owner: string, ownerAgency: 'kriminalomsorgen' | 'politi') =>
      s.call('documents.create', {
        caseId: kase.id,
        kind: 'meeting',
        content: {
          ...newMeetingDraft('follow_up_prison', GRADING),
          date,
          actions: [{ id: shared, description, owner, ownerAgency, deadline: '2026-02-25', status: 'open' as const }],
        },
      });
    await minutes('2026-02-11', 'Fiktiv plan for skolegang', 'Jens Opdigtet', 'kriminalomsorgen');
    await minutes('2026-02-12', 'Fiktiv melding til politiet', 'Politikontakt Fiktiv', 'politi');
    const rows = (await s.call('due.view', { kind: 'no_meeting_action', unit: 'Vestby fengsel' })).items;
    expect(rows.map((item) => item.action).sort((a, b) => a!.owner.localeCompare(b!.owner))).toEqual([
      { description: 'Fiktiv plan for skolegang', owner: 'Jens Opdigtet' },
      { description: 'Fiktiv melding til politiet', owner: 'Politikontakt Fiktiv' },
    ]);
    const ours = (await s.call('due.view', { kind: 'no_meeting_action', unit: 'Vestby fengsel', mine: true })).items;
    expect(ours.map((item) => item.action?.owner)).toEqual(['Jens Opdigtet']);
    await s.call('cases.delete', { id: kase.id, reason: 'Feilregistrert' });
  });

  it('shows a new vault as having nothing due, in every grouping', async () => {
    const empty = await apps.make('NO', '2026-03-02T10:00:00.000Z');
    for (const groupBy of ['status', 'case'] as const) {
      const view = await empty.call('due.view', { groupBy });
      expect(view.items).toEqual([]);
      expect(view.counts).toEqual({ overdue: 0, due: 0, upcoming: 0 });
      expect(view.caseCount).toBe(0);
    }
  });

  it('refuses an unknown grouping and changes nothing', async () => {
    const before = s.rows();
    const error = await s.fail('due.view', { groupBy: 'owner' });
    expect(error.code).toBe('invalid_input');
    expect(s.rows()).toEqual(before);
  });
});

describe('the due view by unit, with a unit typed in another spelling', () => {
  it('takes both spellings for one unit: listed once, and filtering by either shows both cases', async () => {
    const variant = await caseWithWork('Siri Fiktiv', 'KOMPIS-160009', ' SØRBY  fengsel');
    const both = new Set([south, variant]);
    for (const unit of ['Sørby fengsel', 'sørby fengsel', ' SØRBY  fengsel']) {
      const view = await s.call('due.view', { unit });
      expect(new Set(view.items.map((item) => item.caseId)), unit).toEqual(both);
      expect(view.caseCount).toBe(2);
    }
    const units = (await s.call('due.view', {})).units;
    expect(units.filter((unit) => unitKey(unit) === unitKey('Sørby fengsel'))).toHaveLength(1);
    expect(units).toContain('Fiktivby fengsel');
  });
});
