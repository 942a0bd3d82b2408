/* eslint-disable no-undef */
// Shared-runtime layout of the Office template: the task pane page also loads
// the custom functions bundle. functions.json is generated from the JSDoc of
// src/functions/functions.ts by custom-functions-metadata-plugin.
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const path = require("path");
const { HelpPagePlugin } = require("./scripts/build/help-page");

const fs = require("fs");

/** Writes .build/bundle-modules.json: every source file in each production bundle, for the licence check. */
class BundleInventoryPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("BundleInventoryPlugin", (compilation) => {
      const inventory = {};
      const collect = (module, into) => {
        if (module.modules) module.modules.forEach((m) => collect(m, into));
        if (module.resource) into.add(path.relative(__dirname, module.resource.split("?")[0]));
      };
      for (const chunk of compilation.chunks) {
        const files = new Set();
        for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) collect(module, files);
        inventory[chunk.name ?? `chunk ${chunk.id}`] = [...files].sort();
      }
      fs.mkdirSync(path.resolve(__dirname, ".build"), { recursive: true });
      fs.writeFileSync(path.resolve(__dirname, ".build/bundle-modules.json"), JSON.stringify(inventory, null, 2));
    });
  }
}

const urlDev = "https://localhost:3000/";

/**
 * The production host, from ADDIN_PROD_URL (https, where dist/ is served). Every URL of the manifest moves there,
 * the <AppDomain> included (an origin, without a path); none of localhost stays. Without the variable, a production
 * build says so and keeps the development URLs: no placeholder host is ever written into a manifest.
 */
function productionUrls() {
  const raw = process.env.ADDIN_PROD_URL;
  if (!raw) return undefined;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_PROD_URL n'est pas une adresse valide : « ${raw} » (ex. https://complements.cpam.fr/gdr/)`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_PROD_URL doit commencer par https:// (Office n'accepte que HTTPS) : « ${raw} »`);
  const base = url.href.endsWith("/") ? url.href : `${url.href}/`;
  return { base, origin: url.origin };
}

function manifestFor(content, prod) {
  if (!prod) return content;
  return content
    .toString()
    .replace(new RegExp(urlDev, "g"), prod.base)
    .replace(new RegExp(urlDev.slice(0, -1), "g"), prod.origin);
}

async function getHttpsOptions() {
  // Only for `npm run dev-server` on Windows/Mac; builds and Linux never touch certificates.
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const building = Boolean(env.WEBPACK_BUILD);
  const prod = dev ? undefined : productionUrls();
  if (!dev && !prod) {
    console.warn(
      "ADDIN_PROD_URL non défini : dist/manifest.xml garde les adresses de développement (https://localhost:3000/). " +
        "Pour déployer : ADDIN_PROD_URL=https://votre-hote/chemin/ npm run build",
    );
  }
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } }],
    },
    performance: { hints: false },
    // terser's default (compress, reduce_funcs) turns every function called once into a function expression called in
    // its caller's body (36 of them in functions.js): the MSP functions, which run in every MSP row of a sheet, then
    // measured 10–25 % slower in `npm run bench` than the same code minified without it (BENCHMARKS.md)
    optimization: { minimizeOptions: { javascript: { compress: { passes: 2, reduce_funcs: false } } } },
    // pptxgenjs reaches for Node's fs and https (and image-size's « sizeof ») only when it runs in Node: never loaded in the pane
    externals: { "node:fs": "commonjs node:fs", "node:https": "commonjs node:https", sizeof: "commonjs sizeof" },
    plugins: [
      new BundleInventoryPlugin(),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HelpPagePlugin({ template: "./src/taskpane/aide.html" }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["functions", "taskpane"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => manifestFor(content, prod),
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      server: building || env.http ? "http" : env.selfsigned ? "https" : { type: "https", options: await getHttpsOptions() },
      host: "localhost",
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};
