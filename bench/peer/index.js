'use strict';
// The peer's HTTP endpoint: POST /api/messages into botbuilder's CloudAdapter, on Node's own
// http server (the SDK's samples use restify; the adapter needs only status/header/send/end).
// No app id: the SDK's own development mode, unauthenticated, as the bot's is on loopback.
const http = require('http');
const { CloudAdapter, ConfigurationBotFrameworkAuthentication } = require('botbuilder');
const { tables } = require('./store');
const { PeerBot } = require('./bot');

const connectionString = process.env.STORAGE_CONNECTION_STRING;
if (!connectionString) throw new Error('STORAGE_CONNECTION_STRING is required');
const store = tables(connectionString, process.env.TABLE_PREFIX || 'peer');
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
  console.error('turn failed:', error.name, error.statusCode || '');
  await context.sendActivity('Please try again shortly.');
};
const bot = new PeerBot(store);

const server = http.createServer(async (req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/messages') {
    res.statusCode = 404;
    res.end();
    return;
  }
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  try {
    req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    res.statusCode = 400;
    res.end();
    return;
  }
  const response = {
    status(code) { res.statusCode = code; return response; },
    header(name, value) { res.setHeader(name, value); return response; },
    send(body) {
      if (body !== undefined && body !== null) {
        if (typeof body === 'object') {
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.write(JSON.stringify(body));
        } else {
          res.write(String(body));
        }
      }
      return response;
    },
    end() { res.end(); return response; },
  };
  await adapter.process(req, response, (context) => bot.run(context));
});

Promise.all(Object.values(store).map((table) => table.createTable())).then(() => {
  server.listen(Number(process.env.PORT || 3979), '127.0.0.1');
});
