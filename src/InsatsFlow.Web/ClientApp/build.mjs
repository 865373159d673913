// Bundles the designer and the viewer into ../wwwroot/dist with esbuild.
// The .bpmnlintrc is compiled to a browser module by bpmnlint's own compileConfig
// (what bpmnlint-loader does for webpack), through the small esbuild plugin below.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(here, '../wwwroot/dist');
const require = createRequire(path.join(here, 'package.json'));

const compileConfig = require('bpmnlint/lib/support/compile-config');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

const bpmnlintPlugin = {
  name: 'bpmnlintrc',
  setup(build) {
    build.onLoad({ filter: /\.bpmnlintrc$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      let config;
      try {
        config = JSON.parse(text);
      } catch (err) {
        return { errors: [ { text: `${args.path}: ogiltig JSON i bpmnlint-konfigurationen: ${err.message}` } ] };
      }
      const contents = await compileConfig(config, new NodeResolver({ require }));
      return { contents, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  }
};

// diagram-js writes a few screen-reader texts in English without translate(); a Swedish page must not
// announce English (WCAG 3.1.2). Replaced at bundle time; the build fails if an upgrade moves them.
const hardcodedTexts = [
  {
    file: /diagram-js[\\/]lib[\\/]features[\\/]popup-menu[\\/]PopupMenuComponent\.js$/,
    from: "${ entriesToShow.length } ${ entriesToShow.length === 1 ? 'result' : 'results' } found",
    to: "${ entriesToShow.length } ${ entriesToShow.length === 1 ? 'träff' : 'träffar' }"
  },
  {
    file: /diagram-js[\\/]lib[\\/]features[\\/]popup-menu[\\/]PopupMenuComponent\.js$/,
    from: "aria-label=\"${ title || 'Search' }\"",
    to: "aria-label=\"${ title || 'Sök' }\""
  }
];

const swedishTextsPlugin = {
  name: 'swedish-hardcoded-texts',
  setup(build) {
    build.onLoad({ filter: /PopupMenuComponent\.js$/ }, async (args) => {
      let contents = await readFile(args.path, 'utf8');
      for (const text of hardcodedTexts.filter(t => t.file.test(args.path))) {
        if (!contents.includes(text.from)) {
          return { errors: [ { text: `${args.path}: hittar inte texten som ska översättas: ${text.from}` } ] };
        }
        contents = contents.replace(text.from, text.to);
      }
      return { contents, loader: 'js' };
    });
  }
};

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

await esbuild.build({
  entryPoints: {
    designer: path.join(here, 'src/designer.js'),
    viewer: path.join(here, 'src/viewer.js'),
    'designer-demo': path.join(here, 'src/designer-demo.js'),
    charts: path.join(here, 'src/charts.js')
  },
  outdir,
  bundle: true,
  format: 'iife',
  target: [ 'es2020' ],
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  plugins: [ bpmnlintPlugin, swedishTextsPlugin ]
});

await copyFile(require.resolve('axe-core/axe.min.js'), path.join(outdir, 'axe.min.js'));

// MSBuild compares its inputs against this file to decide whether to bundle again.
await writeFile(path.join(outdir, '.bundle-stamp'), new Date().toISOString() + '\n');

console.log('InsatsFlow designer: bundle skriven till ' + path.relative(process.cwd(), outdir));
