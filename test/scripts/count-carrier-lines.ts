// Lines of carrier packages' source, split into status tables and the rest (issue 11's measure):
//   pnpm exec tsx test/scripts/count-carrier-lines.ts packages/carrier-usps packages/carrier-dhl
// Source is src/**/*.ts without tests and fixtures. Tables are files named *-status-tables.ts, and top-level
// UPPER_CASE constants initialised with an object, array or call whose name says code data (CODE, TABLE, RULES, ...),
// with their leading comment. EXCLUDE=<text> leaves out files whose name contains it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const TABLE_NAME = /^[A-Z0-9_]*(CODE|TABLE|RULES|TYPES|CATEGORIES|REFINEMENTS|MEANINGS|REASONS|SIGNED_DELIVERY|STATUS)[A-Z0-9_]*$/;
const exclude = process.env.EXCLUDE;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name.startsWith('__') ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !(exclude && name.includes(exclude)) ? [path] : [];
  });
}

function tableLines(path: string, text: string): number {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  let lines = 0;
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const declaration = statement.declarationList.declarations[0];
    if (!declaration || !TABLE_NAME.test(declaration.name.getText(source))) continue;
    let initializer = declaration.initializer;
    while (
      initializer &&
      (ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer) || ts.isParenthesizedExpression(initializer))
    )
      initializer = initializer.expression;
    if (
      !initializer ||
      !(
        ts.isObjectLiteralExpression(initializer) ||
        ts.isArrayLiteralExpression(initializer) ||
        ts.isNewExpression(initializer) ||
        ts.isCallExpression(initializer)
      )
    )
      continue;
    lines +=
      source.getLineAndCharacterOfPosition(statement.getEnd()).line -
      source.getLineAndCharacterOfPosition(statement.getFullStart()).line +
      1;
  }
  return lines;
}

for (const packageDirectory of process.argv.slice(2)) {
  let total = 0;
  let tables = 0;
  const perFile: string[] = [];
  for (const path of sourceFiles(join(packageDirectory, 'src')).sort()) {
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    const table = /-status-tables\.ts$/.test(path) ? lines : tableLines(path, text);
    total += lines;
    tables += table;
    perFile.push(`  ${path.slice(packageDirectory.length + 1)}: ${lines} lines, ${table} table`);
  }
  process.stdout.write(
    `${packageDirectory}: ${total} source lines, ${tables} table lines, ${total - tables} non-table\n${perFile.join('\n')}\n`,
  );
}
