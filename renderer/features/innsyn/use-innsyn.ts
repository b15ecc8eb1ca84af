import { useCallback, useMemo, useState } from 'react';
import { NAME_BASIS, type Redaction } from '../../../shared/domain/redaction';
import type { Profile } from '../../../shared/domain/profile';
import type { InnsynPrepared, InnsynProposal, InnsynSaved } from '../../../shared/ipc/innsyn';
import type { IpcError } from '../../../shared/ipc/result';
import { api } from '../../lib/api';
import { mapOk, useLoad } from '../../lib/use-load';

/** Whether a proposed name is among the confirmed redactions. */
export function hasTerm(redactions: readonly Redaction[], proposal: InnsynProposal): boolean {
  return redactions.some((r) => r.type === 'term' && r.term === proposal.term);
}

/** The innsyn screen's state: the copy's texts, the user's marks, saving, and the case's earlier copies. */
export function useInnsyn(caseId: string, documentId: string | undefined, profile: Profile) {
  const { loaded } = useLoad<InnsynPrepared>(`${caseId}:${documentId ?? ''}`, () =>
    api.invoke('innsyn.prepare', documentId ? { caseId, documentId } : { caseId }),
  );
  const log = useLoad(caseId, async () => mapOk(await api.invoke('innsyn.log', { caseId }), (value) => value.copies));
  const [redactions, setRedactions] = useState<Redaction[]>([]);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Extract<InnsynSaved, { saved: true }> | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);

  const add = useCallback((redaction: Redaction) => {
    setSaved(null);
    setRedactions((current) => [...current, redaction]);
  }, []);
  const remove = useCallback((index: number) => {
    setSaved(null);
    setRedactions((current) => current.filter((_, i) => i !== index));
  }, []);
  const setBasis = useCallback((index: number, basis: string) => {
    setSaved(null);
    setRedactions((current) => current.map((r, i) => (i === index ? { ...r, basis } : r)));
  }, []);
  const toggleProposal = useCallback(
    (proposal: InnsynProposal, on: boolean) => {
      setSaved(null);
      setRedactions((current) =>
        on
          ? [...current, { type: 'term', term: proposal.term, source: proposal.source, basis: NAME_BASIS[profile] }]
          : current.filter((r) => !(r.type === 'term' && r.term === proposal.term)),
      );
    },
    [profile],
  );

  const prepared = loaded.state === 'ready' ? loaded.value : null;
  const versions = useMemo(
    () => prepared?.documents.map((d) => ({ documentId: d.documentId, version: d.version })) ?? [],
    [prepared],
  );
  const textsDigest = prepared?.textsDigest;

  const reloadLog = log.reload;
  const save = useCallback(async () => {
    // Nothing to save before the preview has loaded: the copy is of the texts it showed.
    if (!textsDigest) return;
    setSaving(true);
    setFailure(null);
    setSaved(null);
    const result = await api.invoke('innsyn.export', {
      caseId,
      ...(documentId ? { documentId } : {}),
      versions,
      redactions,
      // What the user marked: texts changed since (outside the versions too) are refused.
      textsDigest,
    });
    setSaving(false);
    if (!result.ok) return setFailure(result.error);
    if (result.value.saved) {
      setSaved(result.value);
      reloadLog();
    }
  }, [caseId, documentId, versions, textsDigest, redactions, reloadLog]);

  return {
    loaded,
    redactions,
    add,
    remove,
    setBasis,
    toggleProposal,
    save,
    saving,
    saved,
    failure,
    copies: log.loaded,
    reloadLog,
  };
}
