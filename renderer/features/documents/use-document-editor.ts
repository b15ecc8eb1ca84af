import { useCallback, useEffect, useMemo, useState } from 'react';
import type { KindedContent } from '../../../shared/domain';
import type { DocumentDetail } from '../../../shared/ipc/documents';
import type { CaseView } from '../../../shared/ipc/cases';
import type { MentorView } from '../../../shared/ipc/records';
import type { IpcError } from '../../../shared/ipc/result';
import type { Finding } from '../../../shared/rules';
import { useVault } from '../../app/vault-state';
import { api } from '../../lib/api';
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

async function loadDocument(documentId: string, version: number | undefined): Promise<LoadState> {
  const detail = await api.invoke(
    'documents.get',
    version === undefined ? { id: documentId } : { id: documentId, version },
  );
  if (!detail.ok) return { phase: 'failed', error: detail.error };
  const caseId = detail.value.document.caseId;
  const kase = caseId ? await api.invoke('cases.get', { id: caseId }) : null;
  return { phase: 'ready', detail: detail.value, caseView: kase?.ok ? kase.value.case : null };
}

/** The mentor register, for the kinds that name mentors. Empty until loaded or when not needed. */
function useMentors(needed: boolean): readonly MentorView[] {
  const [mentors, setMentors] = useState<readonly MentorView[]>([]);
  useEffect(() => {
    if (!needed) return;
    let current = true;
    void api.invoke('mentors.list', {}).then((result) => current && result.ok && setMentors(result.value.mentors));
    return () => {
      current = false;
    };
  }, [needed]);
  return mentors;
}

/**
 * One document in the editor: the saved version, the form's draft, live findings, and explicit save
 * and finalise (each save is a new version; nothing is saved automatically).
 */
export function useDocumentEditor(documentId: string, version: number | undefined) {
  const { status, setStatus } = useVault();
  const profile = status.profile ?? 'NO';
  const [load, setLoad] = useState<LoadState>({ phase: 'loading' });
  const [draft, setDraft] = useState<KindedContent | null>(null);
  const [downgradeReason, setDowngradeReason] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'finalise' | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);

  const reload = useCallback(async () => {
    const next = await loadDocument(documentId, version);
    setLoad(next);
    if (next.phase === 'ready') setDraft(next.detail.data);
    setDowngradeReason(null);
  }, [documentId, version]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const detail = load.phase === 'ready' ? load.detail : null;
  const kind = detail?.document.kind;
  const mentors = useMentors(kind === 'mentor_course' || kind === 'visit_routine');
  const readOnly = detail !== null && detail.version.version !== detail.document.currentVersion;
  const dirty = detail !== null && draft !== null && !sameContent(draft, detail.data);

  const findings: Finding[] = useMemo(() => {
    if (!detail || !draft) return [];
    if (readOnly) return detail.findings;
    return liveFindings(draft, { profile, today: localIsoDate(new Date()), mentors }, detail.findings);
  }, [detail, draft, readOnly, profile, mentors]);

  const accept = useCallback(
    (next: DocumentDetail) => {
      setLoad((current) => (current.phase === 'ready' ? { ...current, detail: next } : current));
      setDraft(next.data);
      setDowngradeReason(null);
      setSavedAt(new Date());
      // The banner shows the vault's highest grading, which a saved grading may have changed.
      void api.invoke('vault.status', {}).then((result) => result.ok && setStatus(result.value));
    },
    [setStatus],
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
    setLoad((current) =>
      current.phase === 'ready'
        ? { ...current, detail: { ...current.detail, findings: result.value.findings } }
        : current,
    );
  }, [detail]);

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
