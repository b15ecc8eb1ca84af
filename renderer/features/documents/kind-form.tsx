import type { KindedContent, MeetingAction } from '../../../shared/domain';
import type { MentorView } from '../../../shared/ipc/records';
import type { Template } from '../../../shared/templates';
import { MeetingEditor } from './kinds/meeting-editor';
import { ConcernEditor } from './kinds/concern-editor';
import { ConcernReportEditor } from './kinds/concern-report-editor';
import { FollowUpPlanEditor } from './kinds/follow-up-plan-editor';
import { FuturePlanEditor } from './kinds/future-plan-editor';
import { DkMentorCourseEditor } from './kinds/mentor-course-dk-editor';
import { NoMentorCourseEditor } from './kinds/mentor-course-no-editor';
import { ObservationEditor } from './kinds/observation-editor';
import { VisitRoutineEditor } from './kinds/visit-routine-editor';
import type { LinkedDocument } from './use-linked-documents';

export interface KindFormContext {
  template: Template | null;
  mentors: readonly MentorView[];
  /** Observations (for a concern) or concerns (for a concern report) of the same case. */
  linked: readonly LinkedDocument[];
  /** For a follow-up plan: open actions from the case's meetings. */
  openActions: readonly MeetingAction[] | null;
}

/** The editor for the document's kind; each keeps the content typed as its own kind. */
export function KindForm({
  data,
  onChange,
  context,
}: {
  data: KindedContent;
  onChange(next: KindedContent): void;
  context: KindFormContext;
}) {
  const { template, mentors, linked, openActions } = context;
  switch (data.kind) {
    case 'observation':
      return (
        <ObservationEditor content={data.content} onChange={(content) => onChange({ kind: 'observation', content })} />
      );
    case 'concern':
      return (
        <ConcernEditor
          content={data.content}
          observations={linked}
          onChange={(content) => onChange({ kind: 'concern', content })}
        />
      );
    case 'concern_report':
      return (
        <ConcernReportEditor
          content={data.content}
          concerns={linked}
          onChange={(content) => onChange({ kind: 'concern_report', content })}
        />
      );
    case 'follow_up_plan':
      return (
        <FollowUpPlanEditor
          content={data.content}
          template={template}
          openActions={openActions}
          onChange={(content) => onChange({ kind: 'follow_up_plan', content })}
        />
      );
    case 'future_plan':
      return (
        <FuturePlanEditor content={data.content} onChange={(content) => onChange({ kind: 'future_plan', content })} />
      );
    case 'meeting':
      return (
        <MeetingEditor
          content={data.content}
          template={template}
          onChange={(content) => onChange({ kind: 'meeting', content })}
        />
      );
    case 'visit_routine':
      return (
        <VisitRoutineEditor
          content={data.content}
          template={template}
          mentors={mentors}
          onChange={(content) => onChange({ kind: 'visit_routine', content })}
        />
      );
    case 'mentor_course': {
      const course = data.content;
      return course.variant === 'DK' ? (
        <DkMentorCourseEditor
          content={course}
          mentors={mentors}
          onChange={(content) => onChange({ kind: 'mentor_course', content })}
        />
      ) : (
        <NoMentorCourseEditor
          content={course}
          mentors={mentors}
          onChange={(content) => onChange({ kind: 'mentor_course', content })}
        />
      );
    }
  }
}
