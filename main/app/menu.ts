import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * A minimal menu built from Electron's roles (their labels follow the operating system's language):
 * editing and zoom, and reload/DevTools only in development. No Help menu: Bro links to no website.
 */
export function menuTemplate(options: {
  platform: NodeJS.Platform;
  isPackaged: boolean;
}): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(options.isPackaged
      ? []
      : ([
          { role: 'reload' },
          { role: 'toggleDevTools' },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[])),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(options.platform === 'darwin' ? ([{ role: 'appMenu' }] satisfies MenuItemConstructorOptions[]) : []),
    options.platform === 'darwin' ? { role: 'fileMenu' } : { role: 'fileMenu', submenu: [{ role: 'quit' }] },
    { role: 'editMenu' },
    { role: 'viewMenu', submenu: view },
    { role: 'windowMenu' },
  ];
}

export function installMenu(options: { platform: NodeJS.Platform; isPackaged: boolean }): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
