import { useState, type FormEvent } from 'react';
import { Plus } from 'lucide-react';
import type { ConversationView } from '../../../shared/ipc/compartment';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { api } from '../../lib/api';
import { mapOk, useLoad } from '../../lib/use-load';
import { LoadFailed } from '../../components/load-failed';
import { formatIsoDate, formatNumber } from '../../lib/date-format';
import type { MentorCourse } from './mentor-findings';
import { localToday } from './today';
import './forms.css';

function AddConversation({ course, mentorId, onSaved }: { course: MentorCourse; mentorId: string; onSaved(): void }) {
  const { t, tError } = useI18n();
  const [place, setPlace] = useState('');
  const [date, setDate] = useState(localToday());
  const [minutes, setMinutes] = useState('60');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const duration = Number.parseInt(minutes, 10);
  const durationInvalid = !Number.isInteger(duration) || duration < 0 || duration > 1440;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (durationInvalid || !date) return;
    setBusy(true);
    const result = await api.invoke('conversations.save', {
      courseId: course.id,
      mentorId,
      place,
      date,
      durationMinutes: duration,
      notes,
      grading: course.content.grading,
    });
    setBusy(false);
    if (!result.ok) return setError(tError(result.error));
    setError(null);
    setPlace('');
    setNotes('');
    onSaved();
  };

  return (
    <form
      className="conversation-form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('mentors.conversations.add')}
      noValidate
    >
      <div className="form-grid">
        <TextField
          label={t('domain.mentorConversation.place')}
          value={place}
          onChange={(e) => setPlace(e.target.value)}
        />
        <TextField
          label={t('domain.mentorConversation.date')}
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          required
        />
        <TextField
          label={t('domain.mentorConversation.durationMinutes')}
          type="number"
          min={0}
          max={1440}
          inputMode="numeric"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          error={durationInvalid ? t('mentors.conversations.durationInvalid') : undefined}
        />
      </div>
      <TextAreaField
        label={t('domain.mentorConversation.notes')}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        rows={4}
      />
      {error ? <StatusMessage tone="error" title={error} /> : null}
      <div className="form-actions">
        <Button
          type="submit"
          icon={Plus}
          busy={busy}
          disabled={durationInvalid || !date}
          data-testid="conversation-save"
        >
          {t('mentors.conversations.save')}
        </Button>
      </div>
    </form>
  );
}

/** The conversation records of one course (this mentor's only), readable while the compartment is open. */
export function CourseConversations({ course, mentorId }: { course: MentorCourse; mentorId: string }) {
  const { t, locale } = useI18n();
  const { loaded, reload } = useLoad(`${course.id}:${mentorId}`, async () =>
    mapOk(await api.invoke('conversations.list', { courseId: course.id }), (value) => ({
      rows: value.conversations.filter((c) => c.mentorId === mentorId).sort((a, b) => b.date.localeCompare(a.date)),
      damaged: value.damaged.length,
    })),
  );
  const rows: ConversationView[] | null = loaded.state === 'ready' ? loaded.value.rows : null;
  const damaged = loaded.state === 'ready' ? loaded.value.damaged : 0;

  return (
    <section className="conversations" aria-labelledby={`conversations-${course.id}`} data-testid="conversations">
      <h4 id={`conversations-${course.id}`} className="conversations-title">
        {t('mentors.conversations.title', { reference: course.caseReference || '–' })}
      </h4>
      {loaded.state === 'failed' ? <LoadFailed error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'loading' ? <p className="export-loading">{t('common.loading')}</p> : null}
      {damaged > 0 ? (
        <StatusMessage tone="error" title={t('mentors.conversations.damaged', { count: damaged })} />
      ) : null}
      {rows && rows.length === 0 ? <p className="panel-description">{t('mentors.conversations.empty')}</p> : null}
      {rows && rows.length > 0 ? (
        <table className="data-table">
          <caption className="visually-hidden">
            {t('mentors.conversations.title', { reference: course.caseReference || '–' })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('domain.mentorConversation.date')}</th>
              <th scope="col">{t('domain.mentorConversation.place')}</th>
              <th scope="col">{t('domain.mentorConversation.durationMinutes')}</th>
              <th scope="col">{t('domain.mentorConversation.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{formatIsoDate(locale, row.date)}</td>
                <td>{row.place}</td>
                <td>{formatNumber(locale, row.durationMinutes, 0)}</td>
                <td className="conversation-notes">{row.notes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <AddConversation course={course} mentorId={mentorId} onSaved={reload} />
    </section>
  );
}
