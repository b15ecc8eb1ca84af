import type { App } from 'electron';

/**
 * Process-wide switches, before `app` is ready: every renderer sandboxed (not only the ones that ask),
 * media-key and media-session handling turned off (Bro plays no media, so it need not hook the
 * keyboard's media keys), and WebRTC kept off UDP, which request filtering cannot see.
 */
export function hardenProcess(app: App): void {
  app.enableSandbox();
  app.commandLine.appendSwitch('disable-features', 'HardwareMediaKeyHandling,MediaSessionService');
  app.commandLine.appendSwitch('force-webrtc-ip-handling-policy', 'disable_non_proxied_udp');
}
