import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphqlDocuments } from './graphqlDocuments';

const transform = (code: string, id = '/repo/apps/web/src/features/x/operations.ts') => {
  const hook = graphqlDocuments().transform as (code: string, id: string) => { code: string } | null;
  return hook(code, id)?.code ?? null;
};

describe('graphql() calls become the generated documents', () => {
  it('an operation and a fragment each become an import of their generated document', () => {
    const out = transform(
      "import { graphql } from '@/gql';\nexport const A = graphql(`\n  query ActivityList($page: PageInput) {\n    activities(page: $page) { total }\n  }\n`);\nexport const F = graphql(`\n  fragment ScoreWeights on Weights { a }\n`);\n",
    )!;
    expect(out).toContain("import { ActivityListDocument as __gql_ActivityListDocument, ScoreWeightsFragmentDoc as __gql_ScoreWeightsFragmentDoc } from '@/gql/graphql';");
    expect(out).toContain('export const A = __gql_ActivityListDocument;');
    expect(out).toContain('export const F = __gql_ScoreWeightsFragmentDoc;');
    expect(out).not.toContain('graphql(`');
  });

  it('leaves the generated files and files without calls alone', () => {
    expect(transform('graphql(`query X { a }`)', '/repo/apps/web/src/gql/gql.ts')).toBeNull();
    expect(transform('export const x = 1;')).toBeNull();
  });

  it('every graphql() call in src/ is rewritten to a document the generator wrote', () => {
    const generated = readFileSync(join(__dirname, '../src/gql/graphql.ts'), 'utf8');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) {
          if (f !== 'gql') walk(p);
        } else if (/\.tsx?$/.test(f)) files.push(p);
      }
    };
    walk(join(__dirname, '../src'));
    let calls = 0;
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      const out = transform(code, file);
      if (!code.includes('graphql(`')) continue;
      expect(out, file).not.toBeNull();
      expect(out, file).not.toContain('graphql(`');
      for (const [, doc] of out!.matchAll(/__gql_(\w+)\b/g)) expect(generated, `${file}: ${doc}`).toContain(`export const ${doc} = `);
      calls += (code.match(/graphql\(`/g) ?? []).length;
    }
    expect(calls).toBeGreaterThan(100);
  });
});
