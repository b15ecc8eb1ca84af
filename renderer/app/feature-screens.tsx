import type { Route } from './router';
import { NotFoundScreen } from './system-screens';
import { CasesScreen } from '../features/cases/cases-screen';
import { CaseScreen } from '../features/cases/case-screen';
import { CaseEditScreen } from '../features/cases/case-edit-screen';
import { PrintScreen } from '../features/exchange/print-screen';
import { VerifyScreen } from '../features/exchange/verify-screen';
import { DocumentScreen } from '../features/documents/document-screen';
import { NewDocumentScreen } from '../features/documents/new-document-screen';
import { MentorsScreen } from '../features/mentors/mentors-screen';
import { ContactsScreen } from '../features/contacts/contacts-screen';
import { InnsynScreen } from '../features/innsyn/innsyn-screen';
import { DeletedCasesScreen } from '../features/purge/deleted-cases-screen';

/**
 * The work screens, one line per route. Each feature folder owns its screens; add a case here when a
 * feature adds a screen.
 */
export function FeatureScreen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'cases':
      return <CasesScreen />;
    case 'deletedCases':
      return <DeletedCasesScreen />;
    case 'case':
      return <CaseScreen key={route.caseId} caseId={route.caseId} tab={route.tab} />;
    case 'caseEdit':
      return <CaseEditScreen key={route.caseId ?? 'new'} caseId={route.caseId} />;
    case 'mentors':
      return <MentorsScreen mentorId={route.mentorId} />;
    case 'contacts':
      return <ContactsScreen />;
    case 'verify':
      return <VerifyScreen />;
    case 'document':
      return (
        <DocumentScreen
          key={`${route.documentId}:${route.version ?? ''}`}
          documentId={route.documentId}
          version={route.version}
        />
      );
    case 'documentNew':
      return (
        <NewDocumentScreen
          key={`${route.caseId}:${route.kind}:${route.templateId ?? ''}`}
          caseId={route.caseId}
          kind={route.kind}
          templateId={route.templateId}
        />
      );
    case 'innsyn':
      return (
        <InnsynScreen
          key={`${route.caseId}:${route.documentId ?? ''}`}
          caseId={route.caseId}
          documentId={route.documentId}
        />
      );
    case 'print':
      return (
        <PrintScreen
          key={`${route.documentId}:${route.version ?? ''}`}
          documentId={route.documentId}
          version={route.version}
        />
      );
    default:
      return <NotFoundScreen />;
  }
}
