#!/usr/bin/env node
// Shows every card of the gallery (tests/PeerSupportBot.Tests/Cards/CardGallery.cs) in the Agents
// Playground's UI, one message each, and checks that each renders in full: every text and button
// the card holds is on screen, and the renderer reported nothing. With --screenshots it also saves
// each rendered card as <name>.<lang>.png.
//   node tests/browser/render-cards.cjs --gallery <dir> --playground <url> [--screenshots <dir>]
// Exit 0: every card rendered in full; 1: some did not (listed); 2: bad arguments.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { openPlayground, visibleParts, plain } = require("./playground-page.cjs");

function argument(name) {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

async function main() {
  const gallery = argument("--gallery");
  const playground = argument("--playground");
  const screenshots = argument("--screenshots");
  if (!gallery || !playground) {
    console.error("usage: render-cards.cjs --gallery <dir> --playground <url> [--screenshots <dir>]");
    return 2;
  }
  if (screenshots) fs.mkdirSync(screenshots, { recursive: true });

  const config = (await (await fetch(new URL("_internal/v1/config", playground))).json()).config;
  const conversation = config.personalChat.id;
  // Tall enough that the longest card fits on screen whole: a screenshot of a card taller than the
  // window would catch the playground's toolbar over its top.
  const { browser, page, problems } = await openPlayground(playground, { width: 1280, height: 2400 });
  const failures = [];
  try {
    await page.getByText("Personal Chat", { exact: true }).first().click();
    const index = JSON.parse(fs.readFileSync(path.join(gallery, "index.json"), "utf8"));
    for (const entry of index) {
      for (const language of ["fi", "en"]) {
        const name = `${entry.name}.${language}`;
        const card = JSON.parse(fs.readFileSync(path.join(gallery, `${name}.json`), "utf8"));
        problems.length = 0;
        const { texts, buttons } = visibleParts(card);
        const rendered = await show(page, playground, conversation, config.bot.id, card, plain([...texts, ...buttons][0] ?? ""));
        const text = plain(await rendered.innerText());
        const missing = [...texts, ...buttons].map(plain).filter((part) => part && !text.includes(part));
        if (missing.length > 0) failures.push(`${name}: not shown: ${missing.map((m) => JSON.stringify(m)).join(", ")}`);
        problems.forEach((problem) => failures.push(`${name}: ${problem}`));
        if (screenshots) await screenshot(page, rendered, path.join(screenshots, `${name}.png`));
      }
    }
  } finally {
    await browser.close();
  }
  failures.forEach((failure) => console.log(failure));
  console.error(`render-cards: ${failures.length === 0 ? "every card rendered in full" : `${failures.length} problem(s)`}`);
  return failures.length === 0 ? 0 : 1;
}

// Posts the card as the bot would (the playground's connector) and waits until the UI has drawn
// it; returns that card's element. The chat can draw a card of the bot's own meanwhile (its greeting
// when the chat opened, late on a busy machine), so the card is the new one showing its first text,
// or, if none does by the deadline, the first new one (whose missing texts are then reported).
async function show(page, playground, conversation, botId, card, firstText) {
  const cards = page.locator(".ac-adaptiveCard");
  const before = await cards.count();
  const response = await fetch(new URL(`_connector/v3/conversations/${encodeURIComponent(conversation)}/activities`, playground), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "message",
      from: { id: botId },
      attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card }],
    }),
  });
  if (!response.ok) throw new Error(`the playground answered ${response.status} to a card`);
  const deadline = Date.now() + 15000;
  let checked = before;
  while (Date.now() < deadline) {
    const drawnMore = await page
      .waitForFunction((count) => document.querySelectorAll(".ac-adaptiveCard").length > count, checked, { timeout: deadline - Date.now() })
      .then(() => true, () => false);
    if (!drawnMore) break;
    const count = await cards.count();
    for (let index = checked; index < count; index++) {
      if (firstText && plain(await cards.nth(index).innerText()).includes(firstText)) return shown(cards.nth(index));
    }
    if (!firstText) break;
    checked = count;
  }
  if ((await cards.count()) <= before) throw new Error("the card was never drawn");
  return shown(cards.nth(before));
}

async function shown(card) {
  await card.scrollIntoViewIfNeeded();
  return card;
}

// The card with a little of the chat's background around it.
async function screenshot(page, card, file) {
  const box = await card.boundingBox();
  const margin = 8;
  await page.screenshot({
    path: file,
    clip: { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin },
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error.stack ?? String(error));
    process.exit(2);
  },
);
