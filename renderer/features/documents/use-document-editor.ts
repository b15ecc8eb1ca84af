import { useCallback, useMemo, useState } from 'react';
import type { KindedContent } from '../../../shared/domain';
import type { DocumentDetail } from '../../../shared/ipc/documents';
import type { CaseView } from '../../../shared/ipc/cases';
import type { MentorView } from '../../../shared/ipc/records';
import type { IpcError, IpcResult } from '../../../shared/ipc/result';
import type { Finding } from '../../../shared/rules';
import { useVault } from '../../app/vault-state';
import { api } from '../../lib/api';
import { mapOk, useLoad, valueOr, type Load } from '../../lib/use-load';
import { liveFindings } from './findings-view';
import { localIsoDate, sameContent } from './form-values';

export type LoadState =
  | { phase: 'loading' }
  | { phase: 'failed'; error: IpcError }
  | { phase: 'ready'; detail: DocumentDetail; caseView: CaseView | null };

/** What a finalise attempt came to; the screen words each outcome. */
export type FinaliseOutcome =
  | { type: 'finalised'; detail: DocumentDetail }
  | { type: 'blocked'; citations: string[]; fields: string[] }
  | { type: 'failed'; error: IpcError };

interface Loaded {
  detail: DocumentDetail;
  caseView: CaseView | null;
}

async function loadDocument(documentId: string, version: number | undefined): Promise<IpcResult<Loaded>> {
  const detail = await api.invoke(
    'documents.get',
    version === undefined ? { id: documentId } : { id: documentId, version },
  );
  if (!detail.ok) return detail;
  const caseId = detail.value.document.caseId;
  if (!caseId) return { ok: true, value: { detail: detail.value, caseView: null } };
  const kase = await api.invoke('cases.get', { id: caseId });
  return mapOk(kase, (value) => ({ detail: detail.value, caseView: value.case }));
}

/** The mentor register, for the kinds that name mentors (idle when not needed). */
function useMentors(needed: boolean): Load<readonly MentorView[]> {
  return useLoad(needed ? 'mentors' : null, async () =>
    mapOk(await api.invoke('mentors.list', {}), (value) => value.mentors),
  );
}

const NO_MENTORS: readonly MentorView[] = [];

/** Which stored version a draft was started from: a new one (loaded, saved, finalised) starts a new draft. */
function versionOf(detail: DocumentDetail): string {
  return `${detail.document.id}@${detail.version.version}/${detail.document.currentVersion}`;
}

/**
 * One document in the editor: the saved version, the form's draft, live findings, and explicit save
 * and finalise (each save is a new version; nothing is saved automatically).
 */
export function useDocumentEditor(documentId: string, version: number | undefined) {
  const { status, setStatus } = useVault();
  const profile = status.profile ?? 'NO';
  const stored = useLoad(`${documentId}@${version ?? 'current'}`, () => loadDocument(documentId, version));
  const [draft, setDraft] = useState<KindedContent | null>(null);
  const [draftOf, setDraftOf] = useState<string | null>(null);
  const [downgradeReason, setDowngradeReason] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'finalise' | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);

  const loaded = stored.loaded;
  const load: LoadState = useMemo(() => {
    if (loaded.state === 'ready') return { phase: 'ready', ...loaded.value };
    if (loaded.state === 'failed') return { phase: 'failed', error: loaded.error };
    return { phase: 'loading' };
  }, [loaded]);
  const detail = load.phase === 'ready' ? load.detail : null;
  // A version read from the vault (or just saved) replaces the draft; findings refreshed in place do not.
  if (detail && versionOf(detail) !== draftOf) {
    setDraftOf(versionOf(detail));
    setDraft(detail.data);
    setDowngradeReason(null);
  }
  const reload = stored.reload;
  const kind = detail?.document.kind;
  const mentorsLoad = useMentors(kind === 'mentor_course' || kind === 'visit_routine');
  const mentors = valueOr(mentorsLoad.loaded, NO_MENTORS);
  const readOnly = detail !== null && detail.version.version !== detail.document.currentVersion;
  const dirty = detail !== null && draft !== null && !sameContent(draft, detail.data);

  const findings: Finding[] = useMemo(() => {
    if (!detail || !draft) return [];
    if (readOnly) return detail.findings;
    return liveFindings(draft, { profile, today: localIsoDate(new Date()), mentors }, detail.findings);
  }, [detail, draft, readOnly, profile, mentors]);

  const setStored = stored.set;
  const caseView = load.phase === 'ready' ? load.caseView : null;
  const accept = useCallback(
    (next: DocumentDetail) => {
      setStored({ detail: next, caseView });
      setDraft(next.data);
      setDowngradeReason(null);
      setSavedAt(new Date());
      // The banner shows the vault's highest grading, which a saved grading may have changed.
      void api.invoke('vault.status', {}).then((result) => result.ok && setStatus(result.value));
    },
    [setStatus, setStored, caseView],
  );

  const save = useCallback(async (): Promise<{ ok: true; detail: DocumentDetail } | { ok: false; error: IpcError }> => {
    if (!detail || !draft) return { ok: false, error: { code: 'internal', messageKey: 'error.internal' } };
    setBusy('save');
    const result = await api.invoke('documents.save', {
      id: detail.document.id,
      content: draft.content,
      expectedVersion: detail.document.currentVersion,
      ...(downgradeReason ? { downgradeReason } : {}),
    });
    setBusy(null);
    if (!result.ok) return result;
    accept(result.value);
    return { ok: true, detail: result.value };
  }, [detail, draft, downgradeReason, accept]);

  const finalise = useCallback(async (): Promise<FinaliseOutcome> => {
    let current = detail;
    if (dirty) {
      const saved = await save();
      if (!saved.ok) return { type: 'failed', error: saved.error };
      current = saved.detail;
    }
    if (!current) return { type: 'failed', error: { code: 'internal', messageKey: 'error.internal' } };
    setBusy('finalise');
    const result = await api.invoke('documents.finalise', {
      id: current.document.id,
      expectedVersion: current.document.currentVersion,
    });
    setBusy(null);
    if (result.ok) {
      accept(result.value);
      return { type: 'finalised', detail: result.value };
    }
    if (result.error.code !== 'rule_blocked') return { type: 'failed', error: result.error };
    const named = result.error.params?.citations;
    return {
      type: 'blocked',
      citations: typeof named === 'string' ? named.split(', ').filter(Boolean) : [],
      fields: result.error.fields ?? [],
    };
  }, [detail, dirty, save, accept]);

  /** Runs the vault-fact rules again (e.g. after a sending was recorded in the distribution log). */
  const refreshFindings = useCallback(async () => {
    if (!detail) return;
    const result = await api.invoke('documents.check', { id: detail.document.id });
    if (!result.ok) return;
    setStored({ detail: { ...detail, findings: result.value.findings }, caseView });
  }, [detail, caseView, setStored]);

  return {
    refreshFindings,
    load,
    detail,
    draft,
    setDraft,
    dirty,
    readOnly,
    findings,
    mentors,
    /** The mentor register could not be read (the editor still works; names cannot be chosen). */
    mentorsLoad,
    profile,
    downgradeReason,
    setDowngradeReason,
    busy,
    savedAt,
    save,
    finalise,
    reload,
  };
}

export type DocumentEditor = ReturnType<typeof useDocumentEditor>;
