// organigram's language server in VS Code: starts `organigram lsp` over standard input and
// output for JSON files, with `--org` when the `organigram.org` setting names the description's
// folder. Everything else (problems, navigation, rename) is the server's.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

/** The client, once started, so that deactivation stops the server. */
let client;

/** The program and its arguments, from the settings `organigram.path` and `organigram.org`. */
function server() {
  const settings = vscode.workspace.getConfiguration("organigram");
  const command = settings.get("path") || "organigram";
  const args = ["lsp"];
  const org = settings.get("org");
  if (org) {
    args.push("--org", org);
  }
  // No `transport`: vscode-languageclient would add `--stdio`, which organigram does not take;
  // standard input and output is the default.
  return { command, args };
}

/** Starts the server when a JSON file is opened. */
async function activate(context) {
  const options = {
    documentSelector: [
      { scheme: "file", language: "json" },
      { scheme: "file", language: "jsonc" },
    ],
  };
  client = new LanguageClient("organigram", "organigram", server(), options);
  context.subscriptions.push(client);
  await client.start();
}

/** Stops the server with the extension. */
function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
