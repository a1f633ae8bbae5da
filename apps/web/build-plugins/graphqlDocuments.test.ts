import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphqlDocuments } from './graphqlDocuments';

const GENERATED = join(__dirname, '../src/gql/graphql.ts');

/** The plugin as a build runs it: the generated file read at the start, then each module transformed. */
function plugin() {
  const p = graphqlDocuments({ generated: GENERATED });
  (p.buildStart as () => void)();
  const hook = p.transform as (this: { error(m: string): never }, code: string, id: string) => { code: string } | null;
  const context = { error: (m: string): never => { throw new Error(m); } };
  return (code: string, id = '/repo/apps/web/src/features/x/operations.ts') => hook.call(context, code, id)?.code ?? null;
}

const generatedDocument = (name: string) => readFileSync(GENERATED, 'utf8').match(new RegExp(`^export const ${name} = (\\{.*\\}) as unknown as`, 'm'))![1];

describe('graphql() calls become the generated documents, written where they are used', () => {
  it('an operation and a fragment each become their generated document, nothing imported', () => {
    const out = plugin()(
      "import { graphql } from '@/gql';\nexport const A = graphql(`\n  query ActivityList($page: PageInput) {\n    activities(page: $page) { total }\n  }\n`);\nexport const F = graphql(`\n  fragment ScoreWeights on Weights { a }\n`);\n",
    )!;
    expect(out).toContain(`export const A = ${generatedDocument('ActivityListDocument')};`);
    expect(out).toContain(`export const F = ${generatedDocument('ScoreWeightsFragmentDoc')};`);
    expect(out).not.toContain('graphql(`');
    expect(out).not.toContain('@/gql/graphql');
  });

  it('fails the build for a call the generator has not written (codegen not run)', () => {
    expect(() => plugin()('export const A = graphql(`query NotGenerated { a }`);')).toThrow(/NotGeneratedDocument.*npm run codegen/);
  });

  it('leaves the generated files and files without calls alone', () => {
    const transform = plugin();
    expect(transform('graphql(`query X { a }`)', '/repo/apps/web/src/gql/gql.ts')).toBeNull();
    expect(transform('export const x = 1;')).toBeNull();
  });

  it('every graphql() call in src/ is rewritten to a document the generator wrote', () => {
    const transform = plugin();
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
      if (!code.includes('graphql(`')) continue;
      const out = transform(code, file);
      expect(out, file).not.toBeNull();
      expect(out, file).not.toContain('graphql(`');
      calls += (code.match(/graphql\(`/g) ?? []).length;
      expect((out!.match(/\{"kind":"Document"/g) ?? []).length, file).toBe((code.match(/graphql\(`/g) ?? []).length);
    }
    expect(calls).toBeGreaterThan(100);
  });
});
