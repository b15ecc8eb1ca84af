import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../app/i18n';

export interface PageHeaderProps {
  title: string;
  /**
   * The window title's screen name where the heading names a person or case: the window title is seen
   * outside the app (taskbar, window switcher, screen sharing), so it never carries personal data.
   */
  windowTitle?: string;
  description?: ReactNode;
  actions?: ReactNode;
}

/**
 * The screen's one h1. It takes focus when it mounts, so a screen change is announced and keyboard
 * users start from the top of the new screen; it also sets the window title.
 */
export function PageHeader({ title, windowTitle, description, actions }: PageHeaderProps) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const appName = t('common.appName');
  useEffect(() => {
    heading.current?.focus({ preventScroll: false });
  }, []);
  // The window title names the screen too (WCAG 2.4.2), e.g. "Innstillinger – Bro".
  const screenName = windowTitle ?? title;
  useEffect(() => {
    document.title = t('common.windowTitle', { screen: screenName, app: appName });
  }, [t, screenName, appName]);
  return (
    <div className="page-header">
      <div className="page-header-text">
        <h1 ref={heading} tabIndex={-1} className="page-title">
          {title}
        </h1>
        {description ? <div className="page-description">{description}</div> : null}
      </div>
      {actions ? <div className="page-header-actions">{actions}</div> : null}
    </div>
  );
}
