import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const CALL = /\bgraphql\(\s*`\s*(query|mutation|subscription|fragment)\s+(\w+)[^`]*`\s*\)/g;
const DOCUMENT = /^export const (\w+(?:Document|FragmentDoc)) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;

/**
 * What the GraphQL Code Generator's babel plugin does for the client preset, for this Vite (no babel
 * in the pipeline): each `graphql(\`query Name …\`)` in src/ becomes the generated document (`NameDocument`,
 * `NameFragmentDoc` for a fragment), written out where it is used. Without it every page loaded
 * `src/gql/gql.ts`, the map from each operation's source text to its document (188 KB raw); importing
 * them from `src/gql/graphql.ts` instead put all 100-odd documents in one chunk (149 KB raw) that every
 * signed-in page loaded. Now a page's chunk carries its feature's documents only. Types do not change:
 * they come from the same generated file. A call whose document is missing fails the build: run
 * `npm run codegen`.
 */
export function graphqlDocuments(options: { generated?: string } = {}): Plugin {
  let generated = options.generated;
  let documents = new Map<string, string>();
  return {
    name: 'evs:graphql-documents',
    enforce: 'pre',
    apply: 'build',
    configResolved(config) {
      generated ??= join(config.root, 'src/gql/graphql.ts');
    },
    buildStart() {
      documents = new Map([...readFileSync(generated!, 'utf8').matchAll(DOCUMENT)].map((m) => [m[1], m[2]]));
    },
    transform(code, id) {
      if (!/\/src\/(?!gql\/).*\.tsx?$/.test(id) || !code.includes('graphql(`')) return null;
      let changed = false;
      const out = code.replace(CALL, (_call, kind: string, name: string) => {
        const doc = kind === 'fragment' ? `${name}FragmentDoc` : `${name}Document`;
        const ast = documents.get(doc);
        if (!ast) this.error(`${id}: no generated ${doc} in src/gql/graphql.ts; run \`npm run codegen\``);
        changed = true;
        return ast;
      });
      return changed ? { code: out, map: null } : null;
    },
  };
}
