import { ApolloArmor } from '@escape.tech/graphql-armor';
import fs from 'node:fs';
import path from 'node:path';
import { DocumentNode, GraphQLSchema, Lexer, print, Source, TokenKind, validate } from 'graphql';
import { QUERY_LIMITS } from '../app';
import { repoRoot } from '../config';
import { createSchema } from '../schema';

/** Every operation the web app sends, from its generated documents (apps/web/src/gql). */
function webOperations(): { name: string; document: DocumentNode }[] {
  const text = fs.readFileSync(path.join(repoRoot, 'apps', 'web', 'src', 'gql', 'graphql.ts'), 'utf8');
  const found: { name: string; document: DocumentNode }[] = [];
  for (const m of text.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as DocumentNode/gm)) {
    found.push({ name: m[1], document: JSON.parse(m[2]) as DocumentNode });
  }
  return found;
}

function tokenCount(body: string): number {
  const lexer = new Lexer(new Source(body));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n += 1;
  return n;
}

describe('query limits (graphql-armor)', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  it('let every operation of the web app through', () => {
    const operations = webOperations();
    expect(operations.length).toBeGreaterThan(50);
    const { validationRules } = new ApolloArmor({
      maxAliases: { n: QUERY_LIMITS.maxAliases },
      maxDepth: { n: QUERY_LIMITS.maxDepth },
      costLimit: { maxCost: QUERY_LIMITS.maxCost },
      maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    }).protect();
    const refused = operations
      .map(({ name, document }) => ({
        name,
        errors: validate(schema, document, validationRules).map((e) => e.message),
        tokens: tokenCount(print(document)),
      }))
      .filter((o) => o.errors.length > 0 || o.tokens > QUERY_LIMITS.maxTokens);
    expect(refused).toEqual([]);
  });
});
