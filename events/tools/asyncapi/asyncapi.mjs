// Checks the AsyncAPI document with the official parser and renders it to HTML for other teams.
//
//   node asyncapi.mjs check  <asyncapi.yaml>...
//   node asyncapi.mjs render <asyncapi.yaml> <output directory>
//
// Exit code 0 when every document parsed with no error and no warning, 1 otherwise (each problem printed with
// the document and its path in it); render writes nothing for an invalid document. The events module's
// AsyncApiToolsTest runs it; see events/README.md.
//
// Why not @asyncapi/generator with @asyncapi/html-template: the generator 3.x needs Node 24, and 2.x with the
// template installs 380 MB (puppeteer among them) in about 90 s and renders in 20 s. The template's page is this
// same official React component; rendering it in the reader's browser from a stringified document costs 120 MB,
// seconds, and gives the same documentation.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { DiagnosticSeverity, Parser, fromFile, stringify } from '@asyncapi/parser';

const require = createRequire(import.meta.url);
const [command, ...rest] = process.argv.slice(2);
const documents = command === 'render' ? rest.slice(0, 1) : rest;
const outputDirectory = command === 'render' ? rest[1] : undefined;
if (!['check', 'render'].includes(command) || documents.length === 0 || (command === 'render' && !outputDirectory)) {
    console.error('usage: node asyncapi.mjs check <asyncapi.yaml>... | render <asyncapi.yaml> <output directory>');
    process.exit(2);
}

let document;
let invalid = 0;
for (const documentPath of documents) {
    document = await check(documentPath);
    invalid += document ? 0 : 1;
}
if (invalid > 0) {
    process.exit(1);
}

if (command === 'render') {
    const component = dirname(require.resolve('@asyncapi/react-component/package.json'));
    await mkdir(outputDirectory, { recursive: true });
    await copyFile(join(component, 'browser/standalone/without-parser.js'), join(outputDirectory, 'asyncapi-ui.js'));
    await copyFile(join(component, 'styles/default.min.css'), join(outputDirectory, 'asyncapi.css'));
    // The parsed document with its $refs (the payload schemas files) resolved, so the page needs no other file.
    const parsed = JSON.stringify(stringify(document)).replace(/</g, '\\u003c');
    const title = escapeHtml(`${document.info().title()} ${document.info().version()}`);
    await writeFile(join(outputDirectory, 'index.html'), `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title}</title>
  <link rel="stylesheet" href="asyncapi.css">
</head>
<body>
  <div id="asyncapi"></div>
  <script src="asyncapi-ui.js"></script>
  <script>
    AsyncApiStandalone.render({ schema: ${parsed}, config: { show: { sidebar: true } } },
        document.getElementById('asyncapi'));
  </script>
</body>
</html>
`);
    console.log(`RENDERED ${join(outputDirectory, 'index.html')}`);
}

/** @returns the parsed document, or undefined when the parser found an error or a warning (each printed) */
async function check(documentPath) {
    const { document, diagnostics } = await fromFile(new Parser(), resolve(documentPath)).parse();
    const failing = diagnostics.filter(d => d.severity === DiagnosticSeverity.Error
        || d.severity === DiagnosticSeverity.Warning);
    for (const diagnostic of diagnostics) {
        const level = ['error', 'warning', 'info', 'hint'][diagnostic.severity] ?? 'note';
        const where = `/${diagnostic.path.join('/')}`;
        console.log(`${documentPath}: ${level}: ${diagnostic.code} at ${where}: ${diagnostic.message}`);
    }
    if (!document || failing.length > 0) {
        console.log(`INVALID ${documentPath}: ${failing.length} error(s) or warning(s)`);
        return undefined;
    }
    console.log(`VALID ${documentPath}: ${document.info().title()} ${document.info().version()}`);
    return document;
}

function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
