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

// form-js 1.23 has no translate() in its editor (translation support came later upstream): its palette, canvas and
// properties panel texts are replaced at bundle time like the viewer's. Each must be found, so an upgrade fails the build.
const formJsEditorTexts = [
  [ "label: 'Value'", "label: 'Värde'" ],
  [ "label: 'Key'", "label: 'Nyckel'" ],
  [ "label: 'Type'", "label: 'Typ'" ],
  [ "label: 'Options expression'", "label: 'Uttryck för alternativ'" ],
  [ "label: 'Label'", "label: 'Etikett'" ],
  [ "label: 'Expression'", "label: 'Uttryck'" ],
  [ "label: 'Column'", "label: 'Kolumn'" ],
  [ "label: 'Action'", "label: 'Åtgärd'" ],
  [ "label: 'Vertical alignment'", "label: 'Vertikal justering'" ],
  [ "label: 'Version tag'", "label: 'Versionsetikett'" ],
  [ "label: 'Value changes'", "label: 'Värdet ändras'" ],
  [ "label: 'Validation'", "label: 'Validering'" ],
  [ "label: 'Validation pattern'", "label: 'Valideringsmönster'" ],
  [ "label: 'Use 24h'", "label: '24-timmarsklocka'" ],
  [ "label: 'Upload multiple files'", "label: 'Ladda upp flera filer'" ],
  [ "label: 'Top'", "label: 'Överkant'" ],
  [ "label: 'Time label'", "label: 'Etikett för tid'" ],
  [ "label: 'Time interval'", "label: 'Tidsintervall'" ],
  [ "label: 'Time format'", "label: 'Tidsformat'" ],
  [ "label: 'Text'", "label: 'Text'" ],
  [ "label: 'Target value'", "label: 'Målvärde'" ],
  [ "label: 'Supported file formats'", "label: 'Tillåtna filformat'" ],
  [ "label: 'Suffix'", "label: 'Efterled'" ],
  [ "label: 'Subtype'", "label: 'Undertyp'" ],
  [ "label: 'Submit'", "label: 'Skicka'" ],
  [ "label: 'Static options'", "label: 'Fasta alternativ'" ],
  [ "label: 'Show outline'", "label: 'Visa ram'" ],
  [ "label: 'Serialization'", "label: 'Serialisering'" ],
  [ "label: 'Selection'", "label: 'Val'" ],
  [ "label: 'Security attributes'", "label: 'Säkerhetsattribut'" ],
  [ "label: 'Searchable'", "label: 'Sökbar'" ],
  [ "label: 'Reset'", "label: 'Återställ'" ],
  [ "label: 'Required'", "label: 'Obligatoriskt'" ],
  [ "label: 'Read only'", "label: 'Skrivskyddat'" ],
  [ "label: 'Presentation'", "label: 'Presentation'" ],
  [ "label: 'Prefix'", "label: 'Förled'" ],
  [ "label: 'Phone'", "label: 'Telefon'" ],
  [ "label: 'Path'", "label: 'Sökväg'" ],
  [ "label: 'Pagination'", "label: 'Sidindelning'" ],
  [ "label: 'Output as string'", "label: 'Spara som text'" ],
  [ "label: 'Options source'", "label: 'Källa för alternativ'" ],
  [ "label: 'Number of rows per page'", "label: 'Rader per sida'" ],
  [ "label: 'Number of non-collapsing items'", "label: 'Antal rader som alltid visas'" ],
  [ "label: 'Not checked'", "label: 'Inte ikryssad'" ],
  [ "label: 'Minimum'", "label: 'Minsta värde'" ],
  [ "label: 'Minimum length'", "label: 'Minsta längd'" ],
  [ "label: 'Maximum'", "label: 'Största värde'" ],
  [ "label: 'Maximum length'", "label: 'Största längd'" ],
  [ "label: 'Max height of preview container'", "label: 'Förhandsvisningens största höjd'" ],
  [ "label: 'List of items'", "label: 'Lista med rader'" ],
  [ "label: 'Layout'", "label: 'Layout'" ],
  [ "label: 'Input'", "label: 'Inmatning'" ],
  [ "label: 'Input values key'", "label: 'Nyckel för värdena'" ],
  [ "label: 'Increment'", "label: 'Steg'" ],
  [ "label: 'Image source'", "label: 'Bildkälla'" ],
  [ "label: 'Height'", "label: 'Höjd'" ],
  [ "label: 'Headers source'", "label: 'Källa för rubriker'" ],
  [ "label: 'Header items'", "label: 'Rubriker'" ],
  [ "label: 'General'", "label: 'Allmänt'" ],
  [ "label: 'Form submission'", "label: 'Inskickning'" ],
  [ "label: 'Field description'", "label: 'Fältbeskrivning'" ],
  [ "label: 'Email'", "label: 'E-post'" ],
  [ "label: 'Dynamic options'", "label: 'Dynamiska alternativ'" ],
  [ "label: 'Document reference'", "label: 'Dokumentreferens'" ],
  [ "label: 'Disallow past dates'", "label: 'Tillåt inte passerade datum'" ],
  [ "label: 'Disabled'", "label: 'Inaktiverat'" ],
  [ "label: 'Disable collapse'", "label: 'Fäll inte ihop'" ],
  [ "label: 'Default value'", "label: 'Standardvärde'" ],
  [ "label: 'Default number of items'", "label: 'Antal rader från start'" ],
  [ "label: 'Decimal digits'", "label: 'Decimaler'" ],
  [ "label: 'Date label'", "label: 'Etikett för datum'" ],
  [ "label: 'Data source'", "label: 'Datakälla'" ],
  [ "label: 'Custom'", "label: 'Eget'" ],
  [ "label: 'Custom regular expression'", "label: 'Eget reguljärt uttryck'" ],
  [ "label: 'Custom properties'", "label: 'Egna egenskaper'" ],
  [ "label: 'Custom error message'", "label: 'Eget felmeddelande'" ],
  [ "label: 'Content'", "label: 'Innehåll'" ],
  [ "label: 'Containers'", "label: 'Behållare'" ],
  [ "label: 'Constraints'", "label: 'Begränsningar'" ],
  [ "label: 'Condition'", "label: 'Villkor'" ],
  [ "label: 'Compute on'", "label: 'Beräkna när'" ],
  [ "label: 'Columns'", "label: 'Kolumner'" ],
  [ "label: 'Column 3'", "label: 'Kolumn 3'" ],
  [ "label: 'Column 2'", "label: 'Kolumn 2'" ],
  [ "label: 'Column 1'", "label: 'Kolumn 1'" ],
  [ "label: 'Checked'", "label: 'Ikryssad'" ],
  [ "label: 'Center'", "label: 'Mitten'" ],
  [ "label: 'Bottom'", "label: 'Nederkant'" ],
  [ "label: 'Auto'", "label: 'Automatiskt'" ],
  [ "label: 'Appearance'", "label: 'Utseende'" ],
  [ "label: 'Alternative text'", "label: 'Alternativtext'" ],
  [ "label: 'Allow add/delete items'", "label: 'Tillåt att rader läggs till och tas bort'" ],
  [ "label: '<none>'", "label: '<ingen>'" ],
  [ 'placeholder: "Search components"', 'placeholder: "Sök komponenter"' ],
  [ 'children: "Components"', 'children: "Komponenter"' ],
  [ 'title: "Components"', 'title: "Komponenter"' ],
  [ 'children: "No components found."', 'children: "Inga komponenter hittades."' ],
  [ 'children: "Build your form"', 'children: "Bygg formuläret"' ],
  [ 'children: "Drag and drop components here to start designing."', 'children: "Dra komponenter hit för att börja."' ],
  [ 'children: "Drag and drop components here."', 'children: "Dra komponenter hit."' ],
  [ 'children: "Use the preview window to test your form."', 'children: "Pröva formuläret i förhandsvisningen."' ],
  [ 'children: "Learn more"', 'children: "Läs mer"' ],
  [ 'children: "Repeatable"', 'children: "Upprepningsbar"' ],
  [ 'children: "Content"', 'children: "Innehåll"' ],
  [ 'title: "Clear content"', 'title: "Töm innehållet"' ],
  [ 'Select a form field to edit its properties.', 'Välj ett fält för att ändra dess egenskaper.' ]
];

// The viewer's field types name the editor's palette entries (and a new field's first label).
const formJsFieldTypes = [
  [ "label: 'Button'", "label: 'Knapp'" ],
  [ "label: 'Checkbox group'", "label: 'Kryssrutegrupp'" ],
  [ "label: 'Checkbox'", "label: 'Kryssruta'" ],
  [ "label: 'Date'", "label: 'Datum'" ],
  [ "label: 'Document preview'", "label: 'Dokumentförhandsvisning'" ],
  [ "label: 'Dynamic list'", "label: 'Dynamisk lista'" ],
  [ "label: 'File picker'", "label: 'Filväljare'" ],
  [ "label: 'Group'", "label: 'Grupp'" ],
  [ "label: 'Number'", "label: 'Tal'" ],
  [ "label: 'Radio group'", "label: 'Radioknappar'" ],
  [ "label: 'Select'", "label: 'Lista'" ],
  [ "label: 'Table'", "label: 'Tabell'" ],
  [ "label: 'Tag list'", "label: 'Etikettlista'" ],
  [ "label: 'Text area'", "label: 'Textområde'" ],
  [ "label: 'Text field'", "label: 'Textfält'" ]
];

const formJsSwedishPlugin = {
  name: 'form-js-swedish-texts',
  setup(build) {
    build.onLoad({ filter: /form-js-(viewer|editor)[\\/]dist[\\/]index\.es\.js$/ }, async (args) => {
      let contents = await readFile(args.path, 'utf8');
      const texts = /form-js-editor/.test(args.path) ? formJsEditorTexts : [ ...formJsTexts, ...formJsFieldTypes ];
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
