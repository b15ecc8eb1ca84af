import type { DocumentKind, Profile } from '../../../shared/domain';
import { isKindOfProfile } from '../../../shared/domain';

/**
 * The tabs of the case view: a summary, one per document kind or group of kinds (a concern and its
 * report share one, the follow-up plan and the plan for the time after share "Plans"), the history.
 * Grouped so that every tab of a NO vault fits one row at 1280 px.
 */
export type CaseTabId =
  'overview' | 'observation' | 'concern' | 'follow_up_plan' | 'meeting' | 'visit_routine' | 'mentor_course' | 'history';

export interface CaseTab {
  id: CaseTabId;
  /** Document kinds listed in the tab, in the order their "New" buttons appear. */
  kinds: readonly DocumentKind[];
}

const OVERVIEW: CaseTab = { id: 'overview', kinds: [] };
const HISTORY: CaseTab = { id: 'history', kinds: [] };
const MENTOR_COURSE: CaseTab = { id: 'mentor_course', kinds: ['mentor_course'] };

/** NO pkt 4-13 in the order the work usually goes: observe, raise a concern, report, plan, meet. */
const KIND_TABS: readonly CaseTab[] = [
  { id: 'observation', kinds: ['observation'] },
  { id: 'concern', kinds: ['concern', 'concern_report'] },
  { id: 'follow_up_plan', kinds: ['follow_up_plan', 'future_plan'] },
  { id: 'meeting', kinds: ['meeting'] },
  { id: 'visit_routine', kinds: ['visit_routine'] },
];

/**
 * The tabs for a vault's profile: only the kinds the profile holds. A DK vault's work is the mentor
 * scheme of the Danish circular, so it offers the mentor course (the DK variant) and none of the NO
 * pkt 4-12 kinds.
 */
export function caseTabs(profile: Profile): CaseTab[] {
  const offered = (tab: CaseTab) => tab.kinds.every((kind) => isKindOfProfile(profile, kind));
  return [OVERVIEW, ...[...KIND_TABS, MENTOR_COURSE].filter(offered), HISTORY];
}

/**
 * The tab a route asks for. Other screens may name a document kind (`tab: 'concern_report'` after
 * saving a report); an unknown or missing tab opens the overview.
 */
export function tabFromRoute(tab: string | undefined, tabs: readonly CaseTab[]): CaseTabId {
  if (!tab) return 'overview';
  const found = tabs.find((candidate) => candidate.id === tab || candidate.kinds.some((kind) => kind === tab));
  return found ? found.id : 'overview';
}

/** Arrow keys move between tabs and wrap around; Home and End go to the first and last. */
export function nextTabIndex(key: string, index: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
