#!/usr/bin/env node
// Writes docs/cards/README.md from the gallery's index: every card, Finnish beside English.
//   node tests/browser/cards-readme.cjs <gallery index.json> <README.md to write>
"use strict";

const fs = require("node:fs");

const [indexFile, readme] = process.argv.slice(2);
const index = JSON.parse(fs.readFileSync(indexFile, "utf8"));
const lines = [
  "# Every card the bot shows",
  "",
  "Screenshots of the Microsoft 365 Agents Playground rendering each card, with sample data, in",
  "Finnish and in English. `./scripts/card-screenshots.sh` makes them all again (the cards come from",
  "`tests/PeerSupportBot.Tests/Cards/CardGallery.cs`); the test command checks that the playground",
  "draws every text and button of every card, in both languages.",
  "",
  "| Card | Suomeksi | In English |",
  "|---|---|---|",
  ...index.map((entry) =>
    `| **${entry.name}**<br>${entry.caption} | <img src="${entry.name}.fi.png" width="320" alt="${entry.name}, suomeksi"> | <img src="${entry.name}.en.png" width="320" alt="${entry.name}, in English"> |`),
  "",
];
fs.writeFileSync(readme, lines.join("\n"));
