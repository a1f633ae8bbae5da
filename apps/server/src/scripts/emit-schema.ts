import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config';
import { schemaText } from '../schema';

/** Writes packages/schema/schema.graphql; with --check, fails when the committed file is stale. */
async function main(): Promise<void> {
  const file = path.join(repoRoot, 'packages', 'schema', 'schema.graphql');
  const text = await schemaText();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current !== text) {
      console.error('packages/schema/schema.graphql 已过期：请运行 npm run codegen 并提交');
      process.exit(1);
    }
    console.log('schema.graphql 是最新的');
    return;
  }
  fs.writeFileSync(file, text);
  console.log(`已写入 ${path.relative(repoRoot, file)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
