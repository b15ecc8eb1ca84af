import type { App, Event, WebContents } from 'electron';

function refuse(event: Event): void {
  event.preventDefault();
}

/**
 * The window shows one page for its whole life: the renderer switches screens itself, so any
 * navigation, redirect, webview or new window is refused (links to the web included: Bro never
 * opens a browser either).
 */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', refuse);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Applies the lock-down to every web contents as it is created, including ones not made by Bro. */
export function guardNavigation(app: App): void {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
}
