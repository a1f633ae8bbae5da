import type { Plugin } from 'vite';

const CALL = /\bgraphql\(\s*`\s*(query|mutation|subscription|fragment)\s+(\w+)[^`]*`\s*\)/g;

/**
 * What the GraphQL Code Generator's babel plugin does for the client preset, for this Vite (no babel
 * in the pipeline): each `graphql(\`query Name …\`)` in src/ becomes the generated `NameDocument`
 * (`NameFragmentDoc` for a fragment) imported from `src/gql/graphql.ts`. Without it every page loaded
 * `src/gql/gql.ts`, the map from each operation's source text to its document (188 KB raw, 14 KB gzip),
 * and its unused operations with it. Types do not change: they come from the same generated file.
 * A call whose document is missing fails the build (the import is not found): run `npm run codegen`.
 */
export function graphqlDocuments(): Plugin {
  return {
    name: 'evs:graphql-documents',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/(?!gql\/).*\.tsx?$/.test(id) || !code.includes('graphql(`')) return null;
      const imports = new Set<string>();
      const out = code.replace(CALL, (_call, kind: string, name: string) => {
        const doc = kind === 'fragment' ? `${name}FragmentDoc` : `${name}Document`;
        imports.add(doc);
        return `__gql_${doc}`;
      });
      if (imports.size === 0) return null;
      const header = `import { ${[...imports].map((d) => `${d} as __gql_${d}`).join(', ')} } from '@/gql/graphql';\n`;
      return { code: header + out, map: null };
    },
  };
}
