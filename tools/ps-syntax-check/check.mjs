// Syntax-checks PowerShell files with tree-sitter-powershell (loaded through web-tree-sitter's WASM build),
// so a typo in a script, a Pester test or the manifest is caught on machines that have no pwsh.
// Usage: node check.mjs [ROOT]   (default: the repository root, two folders up)
// Exits 1 when any file has a syntax error, or when the grammar fails its own self-test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { Parser, Language } from 'web-tree-sitter';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(process.argv[2] ?? join(here, '..', '..'));
const skip = new Set(['node_modules', 'bin', 'obj', 'out', '.git', 'TestResults']);
const extensions = ['.ps1', '.psm1', '.psd1'];

await Parser.init();
const wasm = createRequire(import.meta.url).resolve('tree-sitter-powershell/tree-sitter-powershell.wasm');
const parser = new Parser();
parser.setLanguage(await Language.load(wasm));

// The checker must be able to fail: a known typo has to be reported, valid code must not be.
const selfTest = [
  ['function Get-X {\n    param([string]$Name)\n    "Hello $Name"\n}\n', false],
  ['if ($a -eq 1 {\n    Write-Output 1\n}\n', true],
  ['$h = @{ Key = "value"\n', true],
];
for (const [source, shouldFail] of selfTest) {
  if (parser.parse(source).rootNode.hasError !== shouldFail) {
    console.error(`syntax check self-test failed: ${JSON.stringify(source)} should ${shouldFail ? '' : 'not '}be an error`);
    process.exit(1);
  }
}

function* walk(folder) {
  for (const name of readdirSync(folder)) {
    if (skip.has(name)) continue;
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (extensions.some((e) => name.toLowerCase().endsWith(e))) yield path;
  }
}

function firstProblem(node) {
  if (node.type === 'ERROR' || node.isMissing) return node;
  for (const child of node.children) {
    if (child.hasError || child.isMissing || child.type === 'ERROR') {
      const found = firstProblem(child);
      if (found) return found;
    }
  }
  return node.hasError ? node : null;
}

let checked = 0;
let failed = 0;
for (const file of walk(root)) {
  checked++;
  const source = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const tree = parser.parse(source);
  if (tree.rootNode.hasError) {
    failed++;
    const problem = firstProblem(tree.rootNode);
    const at = problem ? `${problem.startPosition.row + 1}:${problem.startPosition.column + 1}` : '?';
    const what = problem?.isMissing ? `missing ${problem.type}` : `unexpected ${JSON.stringify(source.slice(problem?.startIndex ?? 0, Math.min(problem?.endIndex ?? 0, (problem?.startIndex ?? 0) + 40)))}`;
    console.error(`${relative(root, file)}:${at}: syntax error: ${what}`);
  }
  tree.delete();
}

console.log(`PowerShell syntax check: ${checked} files checked, ${failed} with errors.`);
if (checked === 0) {
  console.error('No PowerShell files found: is the root right?');
  process.exit(1);
}
process.exit(failed > 0 ? 1 : 0);
