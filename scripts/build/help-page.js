/* eslint-disable no-undef */
/**
 * Builds dist/aide.html, the support page the manifest points at (SupportUrl, LearnMoreUrl): the function reference
 * is rendered from the generated functions.json (itself generated from the JSDoc of src/functions/functions.ts), so
 * the page can never disagree with what Excel shows in its formula help.
 */
const fs = require("fs");
const path = require("path");

const escape = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The reference section: one block per function, its signature, description and arguments, with what a blank cell
 * means for each (`blanks`, from the declared argument schema).
 */
function referenceHtml(metadata, blanks = {}) {
  return metadata.functions
    .map((f) => {
      const args = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(" ; ");
      const rows = f.parameters
        .map(
          (p) =>
            `<tr><th scope="row"><code>${escape(p.optional ? `[${p.name}]` : p.name)}</code></th><td>${escape(p.description ?? "")}</td><td class="discret">${escape(blanks[`${f.name}/${p.name}`] ?? blanks[p.name] ?? "")}</td></tr>`,
        )
        .join("\n");
      return [
        `<section id="${escape(f.id)}">`,
        `<h3><code>=${escape(f.name)}(${escape(args)})</code></h3>`,
        `<p>${escape(f.description)}</p>`,
        rows ? `<table class="arguments"><tbody>\n${rows}\n</tbody></table>` : "",
        f.result.dimensionality === "matrix" ? '<p class="discret">Résultat sur plusieurs cellules (laisser la place libre sous la formule).</p>' : "",
        "</section>",
      ].join("\n");
    })
    .join("\n");
}

/**
 * The field and column tables, rendered by src/core/inputs/help.ts from the declared input schema, and the parameter
 * tables, rendered by src/core/parameters-help.ts from the parameter files (both loaded through tsx, the TypeScript
 * runner the project already uses for its scripts).
 */
const SCHEMA_HELP = path.resolve(__dirname, "../../src/core/inputs/help.ts");
const PARAMETERS_HELP = path.resolve(__dirname, "../../src/core/parameters-help.ts");
function schemaHtml() {
  const { require: tsRequire } = require("tsx/cjs/api");
  const help = tsRequire(SCHEMA_HELP, __filename);
  const parameters = tsRequire(PARAMETERS_HELP, __filename);
  return {
    fields: help.mspFieldsHtml(),
    columns: help.tableColumnsHtml(),
    blanks: help.argumentBlanks(),
    parameters: parameters.parametersHtml(),
    readings: parameters.readingsHtml(),
  };
}

class HelpPagePlugin {
  constructor(options) {
    this.template = options.template;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("HelpPagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "HelpPagePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return;
        const metadata = JSON.parse(asset.source.source().toString());
        const template = fs.readFileSync(path.resolve(this.template), "utf8");
        const schema = schemaHtml();
        const html = template
          .replace("<!-- REFERENCE -->", referenceHtml(metadata, schema.blanks))
          .replace("<!-- CHAMPS_MSP -->", schema.fields)
          .replace("<!-- COLONNES -->", schema.columns)
          .replace("<!-- PARAMETRES -->", schema.parameters)
          .replace("<!-- LECTURES -->", schema.readings);
        compilation.emitAsset("aide.html", new sources.RawSource(html));
      });
    });
  }
}

module.exports = { HelpPagePlugin, referenceHtml, schemaHtml };
