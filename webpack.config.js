/* eslint-disable no-undef */
// Shared-runtime layout of the Office template: the task pane page also loads
// the custom functions bundle. functions.json is generated from the JSDoc of
// src/functions/functions.ts by custom-functions-metadata-plugin.
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const path = require("path");

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
        inventory[chunk.name] = [...files].sort();
      }
      fs.mkdirSync(path.resolve(__dirname, ".build"), { recursive: true });
      fs.writeFileSync(path.resolve(__dirname, ".build/bundle-modules.json"), JSON.stringify(inventory, null, 2));
    });
  }
}

const urlDev = "https://localhost:3000/";
const urlProd = process.env.ADDIN_PROD_URL || "https://gdr-exercice-coordonne.example.fr/";

async function getHttpsOptions() {
  // Only for `npm run dev-server` on Windows/Mac; builds and Linux never touch certificates.
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const building = Boolean(env.WEBPACK_BUILD);
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
    plugins: [
      new BundleInventoryPlugin(),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["functions", "taskpane"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "src/taskpane/aide.html", to: "aide.html" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : content.toString().replace(new RegExp(urlDev, "g"), urlProd)),
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
