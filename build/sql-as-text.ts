import type { Plugin } from 'vite';

/** Lets `import sql from './0001-initial.sql'` work under Vitest, as esbuild's text loader does in the bundle. */
export function sqlAsText(): Plugin {
  return {
    name: 'bro-sql-as-text',
    transform(code, id) {
      if (!id.endsWith('.sql')) return null;
      return { code: `export default ${JSON.stringify(code)};`, map: null };
    },
  };
}
