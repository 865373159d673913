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

// form-js's viewer writes its validation messages and list buttons in English without a translate() service; a task
// page is Swedish (WCAG 3.1.2). Replaced at bundle time; the build fails if an upgrade moves them.
const formJsTexts = [
  [ "'Field is required.'", "'Fältet måste fyllas i.'" ],
  [ "`Field must have minimum length of ${validation.minLength}.`", "`Fältet ska ha minst ${validation.minLength} tecken.`" ],
  [ "`Field must have maximum length of ${validation.maxLength}.`", "`Fältet får ha högst ${validation.maxLength} tecken.`" ],
  [ "`Field must have minimum value of ${validation.min}.`", "`Värdet får inte vara mindre än ${validation.min}.`" ],
  [ "`Field must have maximum value of ${validation.max}.`", "`Värdet får inte vara större än ${validation.max}.`" ],
  [ "`Field must match pattern ${validation.pattern}.`", "`Fältet har inte rätt form (${validation.pattern}).`" ],
  [ "'Add new'", "'Lägg till rad'" ],
  [ "`Expand all (${values.length - 1})`", "`Visa alla (${values.length - 1})`" ],
  [ "'Collapse'", "'Fäll ihop'" ],
  [ "`Remove list item ${itemIndex + 1}`", "`Ta bort rad ${itemIndex + 1}`" ]
];

const formJsSwedishPlugin = {
  name: 'form-js-swedish-texts',
  setup(build) {
    build.onLoad({ filter: /form-js-viewer[\\/]dist[\\/]index\.es\.js$/ }, async (args) => {
      let contents = await readFile(args.path, 'utf8');
      for (const [ from, to ] of formJsTexts) {
        if (!contents.includes(from)) {
          return { errors: [ { text: `${args.path}: hittar inte texten som ska översättas: ${from}` } ] };
        }
        contents = contents.split(from).join(to);
      }
      return { contents, loader: 'js' };
    });
  }
};

// @bpmn-io/form-js-editor pins an older preact of its own, while the viewer and the properties panel it renders use the
// top-level one; two copies of preact break hooks ("reading 'context'"). Every preact import gets the top-level copy.
const onePreactPlugin = {
  name: 'one-preact',
  setup(build) {
    build.onResolve({ filter: /^preact(\/.*)?$/ }, async (args) => {
      if (args.pluginData?.onePreact) return undefined;
      return build.resolve(args.path, { resolveDir: here, kind: args.kind, pluginData: { onePreact: true } });
    });
  }
};

// bpmn-js-token-simulation writes its buttons, log and notices in English without translate(); replaced at bundle time
// like diagram-js's above. Every text must be found, so an upgrade that moves one fails the build instead of showing English.
const tokenSimulationTexts = {
  'Log.js': [
    [ "'Service Task'", "'Serviceuppgift'" ], [ "'User Task'", "'Användaruppgift'" ], [ "'Call Activity'", "'Anropsaktivitet'" ],
    [ "'Script Task'", "'Skriptuppgift'" ], [ "'Business Rule Task'", "'Regeluppgift'" ], [ "'Manual Task'", "'Manuell uppgift'" ],
    [ "'Receive Task'", "'Mottagaruppgift'" ], [ "'Send Task'", "'Sändaruppgift'" ], [ "elementName || 'Task'", "elementName || 'Uppgift'" ],
    [ "'Exclusive Gateway'", "'Exklusiv grind'" ], [ "'Parallel Gateway'", "'Parallell grind'" ], [ "'Inclusive Gateway'", "'Inkluderande grind'" ],
    [ "'Start Event'", "'Starthändelse'" ], [ "'Intermediate Event'", "'Mellanhändelse'" ], [ "'Boundary Event'", "'Gränshändelse'" ],
    [ "'End Event'", "'Sluthändelse'" ], [ "'SubProcess') : 'Process'", "'Delprocessen') : 'Processen'" ],
    [ "completed ? 'finished' : 'canceled'", "completed ? 'avslutades' : 'avbröts'" ], [ "} started`", "} startade`" ],
    [ 'title="Toggle Simulation Log"', 'title="Visa eller dölj simuleringsloggen"' ],
    [ "Simulation Log", "Simuleringslogg" ], [ 'aria-label="Close"', 'aria-label="Stäng"' ], [ "No Entries", "Inga händelser" ]
  ],
  'ElementSupport.js': [ [ "'Found unsupported elements'", "'Element som simuleringen inte stöder'" ], [ "'Not supported'", "'Stöds inte'" ] ],
  'PauseSimulation.js': [
    [ 'title="Play/Pause Simulation"', 'title="Spela upp eller pausa simuleringen"' ],
    [ "'Pause Simulation'", "'Simuleringen är pausad'" ], [ "'Play Simulation'", "'Simuleringen spelas upp'" ]
  ],
  'ResetSimulation.js': [ [ 'title="Reset Simulation"', 'title="Börja om simuleringen"' ], [ "'Reset Simulation'", "'Simuleringen började om'" ] ],
  'SimulationState.js': [ [ "'Finished'", "'Klar'" ] ],
  'ToggleMode.js': [ [ "Token Simulation <span", "Tokensimulering <span" ] ],
  'SetAnimationSpeed.js': [ [ 'title="Set animation speed = ${ label }"', 'title="Animeringshastighet ${ label }"' ] ],
  'ShowScopes.js': [ [ 'title="Focus process instance ${scope.id}"', 'title="Visa processinstansen ${scope.id}"' ] ],
  'ExclusiveGatewayHandler.js': [ [ 'title="Set Sequence Flow"', 'title="Välj flöde"' ] ],
  'InclusiveGatewayHandler.js': [ [ 'title="Set Sequence Flow"', 'title="Välj flöde"' ] ],
  'PauseHandler.js': [ [ "${ wait ? 'Remove' : 'Add' } pause point", "${ wait ? 'Ta bort' : 'Lägg till' } paus" ] ],
  'TriggerHandler.js': [ [ 'title="Trigger Event"', 'title="Utlös händelsen"' ] ]
};

const tokenSimulationSwedishPlugin = {
  name: 'token-simulation-swedish-texts',
  setup(build) {
    build.onLoad({ filter: /bpmn-js-token-simulation[\\/]lib[\\/].*\.js$/ }, async (args) => {
      const texts = tokenSimulationTexts[path.basename(args.path)];
      if (!texts) return undefined;
      let contents = await readFile(args.path, 'utf8');
      for (const [ from, to ] of texts) {
        if (!contents.includes(from)) {
          return { errors: [ { text: `${args.path}: hittar inte texten som ska översättas: ${from}` } ] };
        }
        contents = contents.split(from).join(to);
      }
      return { contents, loader: 'js' };
    });
  }
};

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
    charts: path.join(here, 'src/charts.js'),
    formular: path.join(here, 'src/formular.js')
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
  plugins: [ bpmnlintPlugin, swedishTextsPlugin, formJsSwedishPlugin, tokenSimulationSwedishPlugin, onePreactPlugin ]
});

await copyFile(require.resolve('axe-core/axe.min.js'), path.join(outdir, 'axe.min.js'));

// MSBuild compares its inputs against this file to decide whether to bundle again.
await writeFile(path.join(outdir, '.bundle-stamp'), new Date().toISOString() + '\n');

console.log('InsatsFlow designer: bundle skriven till ' + path.relative(process.cwd(), outdir));
