#!/usr/bin/env node
// Validates an unpacked Teams app package (a folder with manifest.json beside its localization
// files) offline with the Microsoft 365 Agents Toolkit's own validator, npm @microsoft/app-manifest,
// and the schemas it bundles (teams v1.0 to v1.30). Prints one line per problem, "file: problem".
//   node scripts/validate-teams-app.cjs <folder>
// Exit 0: valid; 1: problems found; 2: the folder could not be read.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { createRequire } = require("node:module");
const { AppManifestUtils } = require("@microsoft/app-manifest");

// The validator library the toolkit itself compiles schemas with, resolved from its own package.
const Ajv = createRequire(require.resolve("@microsoft/app-manifest"))("ajv-draft-04");
const addFormats = createRequire(require.resolve("@microsoft/app-manifest"))("ajv-formats");

// Only schemas bundled in the package are used: a $schema elsewhere would mean a network fetch.
const bundledSchema = /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v1\.\d+\/MicrosoftTeams(\.Localization)?\.schema\.json$/;

async function main(folder) {
  if (!folder) {
    console.error("usage: validate-teams-app.cjs <folder with manifest.json>");
    return 2;
  }
  const manifest = readJson(path.join(folder, "manifest.json"));
  if (manifest.error) {
    console.error(`manifest.json: ${manifest.error}`);
    return 2;
  }

  const problems = [];
  const report = (file, errors) => errors.forEach((error) => problems.push(`${file}: ${error}`));

  const manifestSchema = manifest.json.$schema ?? "";
  if (!bundledSchema.test(manifestSchema)) {
    report("manifest.json", [`$schema "${manifestSchema}" is not a Teams manifest schema the toolkit bundles`]);
  } else {
    report("manifest.json", await AppManifestUtils.validateAgainstSchema(manifest.json));
  }

  const languages = manifest.json.localizationInfo?.additionalLanguages ?? [];
  for (const file of languages.map((language) => language.file).filter(Boolean)) {
    const translation = readJson(path.join(folder, file));
    if (translation.error) {
      report(file, [translation.error]);
      continue;
    }
    report(file, await validateLocalization(translation.json));
  }

  problems.forEach((problem) => console.log(problem));
  return problems.length === 0 ? 0 : 1;
}

// AppManifestUtils.validateAgainstSchema compiles patterns in Unicode mode, and the localization
// schemas' activities.activityTypes pattern ("\b…\b]") is not a valid Unicode-mode expression, so it
// throws on every localization file. The same schema and the same library with plain expressions
// validate exactly what the schema says.
async function validateLocalization(translation) {
  const url = translation.$schema ?? "";
  if (!bundledSchema.test(url) || !url.endsWith("MicrosoftTeams.Localization.schema.json")) {
    return [`$schema "${url}" is not a Teams localization schema the toolkit bundles`];
  }
  const schema = await AppManifestUtils.fetchSchema(url);
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  const validate = ajv.compile(schema);
  if (validate(translation)) return [];
  return validate.errors.map((error) => `${error.instancePath} ${error.message ?? ""}. Details: ${JSON.stringify(error.params)}`);
}

function readJson(file) {
  try {
    const json = JSON.parse(fs.readFileSync(file, "utf8"));
    return json !== null && typeof json === "object" && !Array.isArray(json)
      ? { json }
      : { error: "is not a JSON object" };
  } catch (error) {
    return { error: error.code === "ENOENT" ? "is missing" : `is not JSON: ${error.message}` };
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error.stack ?? String(error));
    process.exit(2);
  },
);
