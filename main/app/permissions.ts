import type { Session } from 'electron';

/**
 * Bro needs no camera, microphone, location, notifications, clipboard-read, MIDI, USB, HID, serial
 * or Bluetooth, and no downloads: every permission request and check is answered no, and device pickers are
 * cancelled before Chromium shows them.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback(null);
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  if (process.platform !== 'darwin') {
    session.setBluetoothPairingHandler((_details, callback) => callback({ confirmed: false }));
  }
  // Files leave Bro only through its own export dialogs, never as a browser download.
  session.on('will-download', (event) => event.preventDefault());
}
