import { protocol, type Session } from 'electron';
import { APP_SCHEME } from './app-origin';
import { assetResponse } from './asset-response';

/** Must run before `app` is ready: makes `app://` a standard, secure origin that can load modules. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // corsEnabled: Vite's <script type="module" crossorigin> is fetched in CORS mode.
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

/** Answers `app://bro/...` in `session` with files from the built renderer folder and nothing else. */
export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, (request) => assetResponse(rendererDir, request));
}
