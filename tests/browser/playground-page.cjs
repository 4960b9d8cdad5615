// Opens the Microsoft 365 Agents Playground's web UI in Debian's chromium through playwright-core,
// offline: every request that is not to the playground itself is aborted (the UI asks CDNs for
// fonts and animations, which this machine cannot reach and the tests must not depend on).
"use strict";

const { chromium } = require("playwright-core");

const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

// Flags for a headless browser as root in a container, with nothing phoning home.
const flags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

async function openPlayground(playgroundUrl, { width = 1280, height = 1000 } = {}) {
  const origin = new URL(playgroundUrl).origin;
  const browser = await chromium.launch({ executablePath, args: flags });
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1, locale: "en-US" });
  await page.route((url) => url.origin !== origin, (route) => route.abort());
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    // Aborted CDN requests are expected, and so is the playground's own state machine briefly
    // asking for a conversation it has not loaded yet on a slow machine: neither is about a card.
    // Anything else the renderer warns about is reported.
    if ((message.type() === "warning" || message.type() === "error")
        && !/Failed to load|net::ERR_FAILED|Network error|Saga error Error: Invalid conversation id/.test(message.text())) {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  // The UI's WebSocket carries the bot's messages; nothing may be posted before it is open.
  const socket = page.waitForEvent("websocket", (ws) => ws.url().includes("/_ws_conversation/"));
  await page.goto(playgroundUrl);
  await socket;
  await page.getByRole("textbox").first().waitFor();
  return { browser, page, problems };
}

/** The texts a person should see on a card and the titles of its buttons, as the bot wrote them. */
function visibleParts(card) {
  const texts = [];
  const buttons = [];
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object" || node.isVisible === false) return;
    const type = typeof node.type === "string" ? node.type : "";
    if (type.startsWith("Action.")) {
      if (node.title) buttons.push(node.title);
    } else if (typeof node.text === "string" && node.text.trim()) {
      texts.push(node.text);
    }
    if (type === "FactSet") (node.facts ?? []).forEach((fact) => texts.push(fact.title, fact.value));
    if (type.startsWith("Input.") && node.label) texts.push(node.label);
    // An expanded choice set shows every choice; a compact one only the chosen.
    if (type === "Input.ChoiceSet" && node.style === "expanded") (node.choices ?? []).forEach((choice) => texts.push(choice.title));
    for (const [key, value] of Object.entries(node)) {
      if (!["data", "fallback", "facts", "choices"].includes(key)) walk(value);
    }
  };
  walk(card);
  return { texts, buttons };
}

// The renderer shows markdown as formatted text: compare what is read, not the markup.
function plain(text) {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\*\*|__|\*|_/g, "")
    .replace(/^\s*[-*]\s+/gm, "")
    .replace(/^\s*\d+\.\s+/gm, "")
    .replace(/\s+/g, " ")
    .trim();
}

module.exports = { openPlayground, visibleParts, plain };
