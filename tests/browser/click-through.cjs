#!/usr/bin/env node
// One whole flow in the Agents Playground's web UI, with the mouse and the keyboard only: open the
// personal chat, type "uusi ryhmä <name>", press Join on the invitation, tick a topic on the
// consent card, press Agree, and see the welcome to the cohort replace the consent card.
// The texts to look for come from the caller (the C# test reads them from the app's resources).
//   node tests/browser/click-through.cjs <playground url> <expected.json>
// expected.json: {"command", "joinButton", "topic", "agreeButton", "joinedTitle"}
// Exit 0: the flow went through; 1: a step failed (a screenshot is saved beside expected.json).
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { openPlayground } = require("./playground-page.cjs");

// Generous: the first turn compiles nothing, but the machine is shared.
const stepTimeout = 20000;

async function main(playground, expectedFile) {
  const expected = JSON.parse(fs.readFileSync(expectedFile, "utf8"));
  const { browser, page, problems } = await openPlayground(playground);
  const step = (name) => console.log(`step: ${name}`);
  try {
    page.setDefaultTimeout(stepTimeout);
    step("open the personal chat");
    await page.getByText("Personal Chat", { exact: true }).first().click();

    step(`type "${expected.command}" and press Enter`);
    const box = page.locator("[role=textbox][contenteditable=true]").first();
    await box.click();
    await page.keyboard.type(expected.command);
    await page.keyboard.press("Enter");

    step(`press "${expected.joinButton}" on the invitation`);
    const cards = page.locator(".ac-adaptiveCard");
    const invitation = cards.filter({ has: page.getByRole("button", { name: expected.joinButton, exact: true }) }).last();
    const consentCountBefore = await cards.filter({ hasText: expected.agreeButton }).count();
    await invitation.getByRole("button", { name: expected.joinButton, exact: true }).click();

    step(`tick "${expected.topic}" on the consent card`);
    const consent = cards.filter({ has: page.getByRole("button", { name: expected.agreeButton, exact: true }) });
    await page.waitForFunction(
      ([title, before]) => [...document.querySelectorAll(".ac-adaptiveCard")].filter((card) => [...card.querySelectorAll("button")].some((b) => b.innerText.trim() === title)).length > before,
      [expected.agreeButton, consentCountBefore]);
    const card = consent.last();
    await card.getByText(expected.topic, { exact: true }).click();
    await card.getByRole("checkbox", { name: expected.topic }).isChecked().then((checked) => {
      if (!checked) throw new Error(`clicking "${expected.topic}" did not tick it`);
    });

    step(`press "${expected.agreeButton}"`);
    await card.getByRole("button", { name: expected.agreeButton, exact: true }).click();

    step(`see "${expected.joinedTitle}"`);
    await cards.filter({ hasText: expected.joinedTitle }).first().waitFor();
    if (problems.length > 0) throw new Error(`the page reported: ${problems.join("; ")}`);
    console.log("click-through: the whole flow went through");
    return 0;
  } catch (error) {
    const shot = path.join(path.dirname(expectedFile), "click-through-failure.png");
    await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
    console.log(`click-through: ${error.message.split("\n")[0]} (screenshot: ${shot})`);
    return 1;
  } finally {
    await browser.close();
  }
}

main(process.argv[2], process.argv[3]).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error.stack ?? String(error));
    process.exit(2);
  },
);
