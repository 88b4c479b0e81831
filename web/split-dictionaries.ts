import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const I18N = fileURLToPath(new URL('./src/i18n/', import.meta.url));
const LANGUAGE = /[\\/]web[\\/]src[\\/]i18n[\\/](ar|en|fr)\.ts$/;
const AREAS_MODULE = /[\\/]web[\\/]src[\\/]i18n[\\/]areas\.ts$/;
const VIRTUAL = 'virtual:jisr-areas/';
/** An area's dictionary as en.ts/ar.ts/fr.ts import it: `import { casesAr } from './cases/ar';`. */
const AREA_IMPORT = /^import \{ (\w+) \} from '\.\/([\w-]+)\/(ar|en|fr)';\n/gm;

interface Area {
  name: string;
  folder: string;
}

/**
 * The areas a language's dictionary spreads in (`...casesAr,`), in their order, and the code without
 * them. An area whose name is used anywhere else in the file is left where it is.
 */
function split(code: string): { areas: Area[]; code: string } {
  const areas: Area[] = [];
  let rest = code;
  for (const [line, name, folder] of code.matchAll(AREA_IMPORT)) {
    const spread = new RegExp(`^\\s*\\.\\.\\.${name},\\n`, 'm');
    const uses = code.match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0;
    if (uses !== 2 || !spread.test(code)) continue;
    areas.push({ name: name!, folder: folder! });
    rest = rest.replace(line, '').replace(spread, '');
  }
  return { areas, code: rest };
}

const areasOf = (language: string) => split(readFileSync(`${I18N}${language}.ts`, 'utf8')).areas;

/**
 * Only the words the first page needs come with it. Each language's dictionary (en.ts, ar.ts, fr.ts)
 * spreads in the dictionaries of the app's areas; in the build, those spreads move to a chunk of their
 * own per language, which i18n/areas.ts fetches once someone is signed in (lib/session.ts getMe). The
 * sources, their types and the tests see the dictionaries whole: nothing changes in how they are written.
 */
export function splitDictionaries(): Plugin {
  return {
    name: 'jisr-split-dictionaries',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? `\0${id}` : null;
    },
    load(id) {
      if (id.startsWith(`\0${VIRTUAL}`)) {
        const language = id.slice(VIRTUAL.length + 1);
        const areas = areasOf(language);
        return [
          ...areas.map((a) => `import { ${a.name} } from ${JSON.stringify(`${I18N}${a.folder}/${language}.ts`)};`),
          `export const areas = { ${areas.map((a) => `...${a.name}`).join(', ')} };`,
        ].join('\n');
      }
      if (AREAS_MODULE.test(id)) {
        return `export const areasOf = (locale) =>
  locale === 'ar' ? import('${VIRTUAL}ar').then((m) => m.areas)
  : locale === 'fr' ? import('${VIRTUAL}fr').then((m) => m.areas)
  : import('${VIRTUAL}en').then((m) => m.areas);`;
      }
      return null;
    },
    transform(code, id) {
      if (!LANGUAGE.test(id)) return null;
      return { code: split(code).code, map: null };
    },
  };
}
