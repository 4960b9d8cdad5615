'use strict';
// Adaptive Cards 1.5 like the bot's, built as plain objects.
const texts = require('./texts');

const card = (body, actions = []) => ({ type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, actions });
const heading = (text) => ({ type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true });
const paragraph = (text) => ({ type: 'TextBlock', text, wrap: true });
const execute = (title, verb, data) => ({ type: 'Action.Execute', title, verb, data });
const facts = (pairs) => ({ type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) });

function help(lang) {
  const t = texts[lang];
  return card([heading(t.helpTitle), paragraph(t.helpIntro), facts(t.commands)]);
}

function ask(lang, topics, problem, suggestions) {
  const t = texts[lang];
  const body = [
    heading(t.askTitle), paragraph(t.askReassurance),
    { type: 'Input.ChoiceSet', id: 'topics', label: t.topicsLabel, isMultiSelect: true, style: 'compact', value: topics.join(','), choices: require('./topics').all.map((id) => ({ title: id, value: id })) },
    { type: 'Input.Text', id: 'problem', label: t.problemLabel, isMultiline: true, maxLength: 2000, value: problem },
    { type: 'Input.ChoiceSet', id: 'share', style: 'expanded', value: 'text', choices: [{ title: t.shareText, value: 'text' }, { title: t.shareTopics, value: 'topics' }] },
    { type: 'Input.ChoiceSet', id: 'urgency', style: 'expanded', value: 'week', choices: [{ title: t.today, value: 'today' }, { title: t.thisWeek, value: 'week' }] },
  ];
  if (suggestions.length === 0) {
    body.push(paragraph(topics.length === 0 ? t.chooseTopics : t.noSuggestions));
    return card(body, [execute('↻', 'ask.refresh', { lang })]);
  }
  body.push({ type: 'Input.ChoiceSet', id: 'helpers', label: t.helpersLabel, isMultiSelect: true, style: 'expanded', choices: suggestions.map((s) => ({ title: `${s.name} — ${t.reason}`, value: s.key })) });
  const data = { suggested: suggestions.map((s) => s.key).join(','), lang };
  return card(body, [execute(t.sendSelected, 'ask.send', data), execute(t.sendAll, 'ask.sendAll', data), execute('↻', 'ask.refresh', { lang })]);
}

function waiting(lang, requestId, names) {
  const t = texts[lang];
  return card([heading(t.waitingTitle), paragraph(t.waitingSentTo + names.join(', '))], [execute(t.cancel, 'request.cancel', { requestId, lang })]);
}

function request(lang, requestId, askerName, topics) {
  const t = texts[lang];
  return card([heading(t.requestTitle), paragraph(askerName), paragraph(topics.join(', '))],
    [execute(t.accept, 'request.accept', { requestId, lang }), execute(t.decline, 'request.decline', { requestId, lang })]);
}

function introduction(lang, otherName, otherUpn) {
  const t = texts[lang];
  const users = encodeURIComponent(otherUpn || '');
  return card([heading(t.introTitle), paragraph(otherName)], [
    { type: 'Action.OpenUrl', title: t.introChat, url: `https://teams.microsoft.com/l/chat/0/0?users=${users}` },
    { type: 'Action.OpenUrl', title: t.introCall, url: `https://teams.microsoft.com/l/meeting/new?attendees=${users}` },
  ]);
}

function declined(lang) {
  return card([paragraph(texts[lang].declined)]);
}

function myData(lang, profile, cohortNames) {
  const t = texts[lang];
  if (!profile) return card([heading(t.myDataTitle), paragraph(t.notMember)]);
  return card([heading(t.myDataTitle), facts([
    [t.name, profile.Name], [t.topics, profile.Topics], [t.languages, profile.Languages],
    [t.cap, String(profile.MonthlyCap)], [t.cohorts, cohortNames.join(', ')],
  ])]);
}

const message = (lang, key) => ({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: texts[lang][key] });
const answer = (value) => ({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value });

module.exports = { help, ask, waiting, request, introduction, declined, myData, message, answer };
