// Lines of carrier packages' source, split into status tables and the rest (issue 11's measure):
//   pnpm exec tsx test/scripts/count-carrier-lines.ts packages/carrier-usps packages/carrier-dhl
// Source is src/**/*.ts without tests and fixtures. Tables are files named *-status-tables.ts, and top-level
// UPPER_CASE constants initialised with an object, array or call whose name says code data (CODE, TABLE, RULES, ...),
// with their leading comment. EXCLUDE=<text> leaves out files whose name contains it. "code" counts the non-table lines
// that hold code, leaving out blank lines and lines of comment only.
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

/** The 0-based numbers of the lines that hold at least one token (comments and blank lines hold none). */
function codeLineNumbers(source: ts.SourceFile): Set<number> {
  const lines = new Set<number>();
  const visit = (node: ts.Node): void => {
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    const children = node.getChildren(source);
    if (children.length > 0) return children.forEach(visit);
    if (node.kind === ts.SyntaxKind.EndOfFileToken) return;
    // A token can span lines (a template literal): each of them holds code.
    const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
    const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
    for (let line = first; line <= last; line += 1) lines.add(line);
  };
  visit(source);
  return lines;
}

/** Table lines, and the code lines outside the tables, of a file that is not all table. */
function countLines(path: string, text: string): { table: number; code: number } {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const code = codeLineNumbers(source);
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
    const first = source.getLineAndCharacterOfPosition(statement.getFullStart()).line;
    const last = source.getLineAndCharacterOfPosition(statement.getEnd()).line;
    lines += last - first + 1;
    for (let line = first; line <= last; line += 1) code.delete(line);
  }
  return { table: lines, code: code.size };
}

for (const packageDirectory of process.argv.slice(2)) {
  let total = 0;
  let tables = 0;
  let codeTotal = 0;
  const perFile: string[] = [];
  for (const path of sourceFiles(join(packageDirectory, 'src')).sort()) {
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    const { table, code } = /-status-tables\.ts$/.test(path) ? { table: lines, code: 0 } : countLines(path, text);
    total += lines;
    tables += table;
    codeTotal += code;
    perFile.push(`  ${path.slice(packageDirectory.length + 1)}: ${lines} lines, ${table} table, ${code} code`);
  }
  process.stdout.write(
    `${packageDirectory}: ${total} source lines, ${tables} table lines, ${total - tables} non-table (${codeTotal} code)\n${perFile.join('\n')}\n`,
  );
}
