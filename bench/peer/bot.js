'use strict';
// The peer: the bot's turns on the official Bot Framework SDK (botbuilder 4.23.3) with
// @azure/data-tables, done the way that SDK's samples do them. What it does, and where it does
// less than the bot, is in docs/benchmarks.md.
const { ActivityHandler, CardFactory, MessageFactory } = require('botbuilder');
const { randomUUID } = require('crypto');
const cards = require('./cards');
const topics = require('./topics');
const { partition, find, month } = require('./store');

const langOf = (word, fi) => (word === fi ? 'fi' : 'en');
const split = (list) => (list || '').split(',').map((item) => item.trim()).filter(Boolean);

class PeerBot extends ActivityHandler {
  constructor(tables) {
    super();
    this.tables = tables;
    this.onMessage(async (context, next) => {
      await this.message(context);
      await next();
    });
  }

  async message(context) {
    const text = (context.activity.text || '').trim();
    const word = text.toLowerCase();
    const key = this.keyOf(context);
    if (word === 'ohje' || word === 'help') {
      await this.refreshContact(context, key, await find(this.tables.people, key, 'contact'));
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(cards.help(langOf(word, 'ohje')))));
      return;
    }
    if (word === 'omat tietoni' || word === 'my data') {
      const rows = await partition(this.tables.people, key);
      await this.refreshContact(context, key, rows.find((row) => row.rowKey === 'contact'));
      const profile = rows.find((row) => row.rowKey === 'profile');
      const cohortNames = rows.filter((row) => row.rowKey.startsWith('cohort|')).map((row) => row.CohortName);
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(cards.myData(langOf(word, 'omat tietoni'), profile, cohortNames))));
      return;
    }
    // Anything else is a question for colleagues; its text goes back into the card only.
    const lang = (context.activity.locale || '').startsWith('fi') ? 'fi' : 'en';
    const detected = topics.detect(text);
    const { asker, candidates } = await this.match(context, key, detected);
    const shown = this.rank(candidates, detected, asker).slice(0, 3);
    if (shown.length > 0) {
      await this.tables.people.upsertEntity({ partitionKey: key, rowKey: 'suggested', Keys: shown.map((c) => c.key).join(',') }, 'Replace');
    }
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(cards.ask(lang, detected, text, shown))));
  }

  async onAdaptiveCardInvoke(context, invokeValue) {
    const data = invokeValue.action.data || {};
    const lang = data.lang === 'fi' ? 'fi' : 'en';
    const key = this.keyOf(context);
    switch (invokeValue.action.verb) {
      case 'ask.send': return this.send(context, key, lang, data);
      case 'request.accept': return this.accept(context, key, lang, data.requestId);
      case 'request.decline': return this.decline(key, lang, data.requestId);
      default: return cards.message(lang, 'notYours');
    }
  }

  // The asker's partition (profile, contact, cohorts, last suggestions, pair history), then
  // each of their cohorts' members: everyone who fits the topics and a shared language.
  async match(context, key, wanted) {
    const rows = await partition(this.tables.people, key);
    await this.refreshContact(context, key, rows.find((row) => row.rowKey === 'contact'));
    const asker = { rows, profile: rows.find((row) => row.rowKey === 'profile') };
    if (wanted.length === 0 || !asker.profile) return { asker, candidates: [] };
    const languages = split(asker.profile.Languages);
    const cohorts = rows.filter((row) => row.rowKey.startsWith('cohort|'));
    const now = new Date();
    const fitting = new Map();
    const memberLists = await Promise.all(cohorts.map((cohort) => partition(this.tables.members, cohort.rowKey.slice('cohort|'.length))));
    memberLists.forEach((members, index) => {
      for (const member of members) {
        const count = member.Month === month(now) ? member.Count : 0;
        if (member.rowKey === key || !member.Reachable || count >= member.MonthlyCap
          || (member.PausedUntil && new Date(member.PausedUntil) > now)
          || !split(member.Topics).some((topic) => wanted.includes(topic))
          || !split(member.Languages).some((language) => languages.includes(language))) continue;
        const known = fitting.get(member.rowKey);
        if (known) known.cohorts.push(cohorts[index].CohortName);
        else fitting.set(member.rowKey, { key: member.rowKey, name: member.Name, member, cohorts: [cohorts[index].CohortName] });
      }
    });
    return { asker, candidates: [...fitting.values()] };
  }

  // Topic fit first; then shared cohorts, whoever was asked least recently, help between the two before.
  rank(candidates, wanted, asker) {
    const now = Date.now();
    const previous = split((asker.rows.find((row) => row.rowKey === 'suggested') || {}).Keys);
    const score = (c) => {
      const fit = split(c.member.Topics).filter((topic) => wanted.includes(topic)).reduce((sum, topic) => sum + (topic === wanted[0] ? 2 : 1), 0);
      const last = c.member.LastAskedAt ? new Date(c.member.LastAskedAt).getTime() : null;
      const rested = last ? Math.min((now - last) / 86400000, 30) / 30 : 1;
      const pair = asker.rows.find((row) => row.rowKey === `pair|${c.key}`);
      return fit + 0.5 * (c.cohorts.length - 1) + 0.75 * rested + 0.5 * Math.min(pair ? pair.Count : 0, 2);
    };
    const ordered = candidates.map((c) => ({ ...c, score: score(c) })).sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
    return [...ordered.filter((c) => !previous.includes(c.key)), ...ordered.filter((c) => previous.includes(c.key))];
  }

  // The chosen colleagues are checked against the match again; the request and its helpers are
  // one batch in the request's partition; each helper's count goes up (ETag-conditional, one
  // batch per cohort); the request cards are posted now, inside the turn.
  async send(context, key, lang, data) {
    const wanted = topics.known(data.topics);
    const chosenKeys = split(data.helpers);
    const { asker, candidates } = await this.match(context, key, wanted);
    const chosen = candidates.filter((c) => chosenKeys.includes(c.key));
    if (chosen.length === 0 || chosen.length !== new Set(chosenKeys).size) return cards.message(lang, 'nothingSelected');
    const requestId = randomUUID();
    const contact = asker.rows.find((row) => row.rowKey === 'contact');
    await this.tables.requests.submitTransaction([
      ['create', { partitionKey: requestId, rowKey: 'request', AskerKey: key, AskerName: asker.profile.Name, AskerUpn: contact.Upn, AskerConversationId: contact.ConversationId, Status: 'Open', Topics: wanted.join(','), CreatedAt: new Date().toISOString() }],
      ...chosen.map((c) => ['create', { partitionKey: requestId, rowKey: `helper|${c.key}`, Name: c.name, Upn: c.member.Upn, Status: 'Pending' }]),
    ]);
    const now = new Date();
    const byCohort = new Map();
    for (const c of chosen) {
      const count = c.member.Month === month(now) ? c.member.Count : 0;
      const update = ['update', { partitionKey: c.member.partitionKey, rowKey: c.key, Month: month(now), Count: count + 1, LastAskedAt: now.toISOString() }, 'Merge', { etag: c.member.etag }];
      byCohort.set(c.member.partitionKey, [...(byCohort.get(c.member.partitionKey) || []), update]);
    }
    await Promise.all([...byCohort.values()].map((updates) => this.tables.members.submitTransaction(updates)));
    const connector = context.turnState.get(context.adapter.ConnectorClientKey);
    await Promise.all(chosen.map((c) => connector.conversations.sendToConversation(c.member.ConversationId,
      MessageFactory.attachment(CardFactory.adaptiveCard(cards.request(lang, requestId, asker.profile.Name, wanted))))));
    return cards.answer(cards.waiting(lang, requestId, chosen.map((c) => c.name)));
  }

  // The first accept wins: the request row changes only if it is as it was read.
  async accept(context, key, lang, requestId) {
    const rows = requestId ? await partition(this.tables.requests, requestId) : [];
    const request = rows.find((row) => row.rowKey === 'request');
    const helper = rows.find((row) => row.rowKey === `helper|${key}`);
    if (!request || !helper) return cards.message(lang, 'notYours');
    if (request.Status !== 'Open' || helper.Status !== 'Pending') return cards.answer(cards.introduction(lang, request.AskerName, request.AskerUpn));
    try {
      await this.tables.requests.submitTransaction([
        ['update', { partitionKey: requestId, rowKey: 'request', Status: 'Accepted', AcceptedBy: key }, 'Merge', { etag: request.etag }],
        ['update', { partitionKey: requestId, rowKey: helper.rowKey, Status: 'Accepted' }, 'Merge', { etag: helper.etag }],
      ]);
    } catch (error) {
      if (error.statusCode === 412) return cards.answer(cards.introduction(lang, request.AskerName, request.AskerUpn));
      throw error;
    }
    const connector = context.turnState.get(context.adapter.ConnectorClientKey);
    await connector.conversations.sendToConversation(request.AskerConversationId,
      MessageFactory.attachment(CardFactory.adaptiveCard(cards.introduction(lang, helper.Name, helper.Upn))));
    return cards.answer(cards.introduction(lang, request.AskerName, request.AskerUpn));
  }

  async decline(key, lang, requestId) {
    const rows = requestId ? await partition(this.tables.requests, requestId) : [];
    const helper = rows.find((row) => row.rowKey === `helper|${key}`);
    if (!helper) return cards.message(lang, 'notYours');
    if (helper.Status === 'Pending') {
      await this.tables.requests.updateEntity({ partitionKey: requestId, rowKey: helper.rowKey, Status: 'Declined' }, 'Merge', { etag: helper.etag });
    }
    return cards.answer(cards.declined(lang));
  }

  keyOf(context) {
    const from = context.activity.from || {};
    return (from.aadObjectId || from.id || '').toLowerCase();
  }

  // As the bot does: a person's 1:1 chat can move, so each activity refreshes a stored link.
  async refreshContact(context, key, stored) {
    const activity = context.activity;
    if (!stored || (stored.ServiceUrl === activity.serviceUrl && stored.ConversationId === activity.conversation.id && stored.Reachable)) return;
    await this.tables.people.upsertEntity({ partitionKey: key, rowKey: 'contact', ServiceUrl: activity.serviceUrl, ConversationId: activity.conversation.id, Reachable: true }, 'Merge');
  }
}

module.exports = { PeerBot };
