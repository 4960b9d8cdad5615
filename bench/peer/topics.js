'use strict';
// The topic taxonomy the bot uses, with keyword stems for detection. The bot analyses the text
// with Lucene (Finnish and English stemming, colloquial Finnish, edit distance); the peer only
// looks for stems, which is cheaper: the comparison flatters the peer here, not the bot.
const topics = [
  ['change-management', ['muutosjohtami', 'change management']],
  ['culture-change', ['toimintakulttuur', 'work culture']],
  ['change-negotiations', ['muutosneuvottel', 'irtisano', 'lay-off', 'layoff', 'redundanc']],
  ['difficult-conversations', ['vaikea keskustelu', 'ristiriit', 'konflikt', 'conflict', 'difficult conversation']],
  ['development-discussions', ['kehityskeskustel', 'development discussion', 'performance review']],
  ['colleague-to-supervisor', ['työkaverista esihenkilöksi', 'colleague to supervisor']],
  ['remote-leadership', ['etätyö', 'etäjohtami', 'remote']],
  ['self-directed-teams', ['itseohjautuv', 'self-directed']],
  ['wellbeing', ['jaksami', 'työhyvinvoin', 'uupu', 'wellbeing', 'burnout']],
  ['high-pressure', ['paineistet', 'high-pressure', 'pressure']],
  ['sick-leave', ['sairauspoissa', 'sick leave']],
  ['recruiting-onboarding', ['rekrytoin', 'perehdyt', 'recruit', 'onboarding']],
  ['time-management', ['ajankäyt', 'time management']],
  ['shop-stewards', ['luottamushenkil', 'shop steward']],
  ['customer-work', ['asiakastyö', 'customer']],
];
const ids = new Set(topics.map(([id]) => id));

function detect(text) {
  const lower = text.toLowerCase();
  return topics.filter(([, stems]) => stems.some((stem) => lower.includes(stem))).map(([id]) => id).slice(0, 3);
}

function known(list) {
  return (list || '').split(',').map((id) => id.trim()).filter((id) => ids.has(id));
}

module.exports = { detect, known, all: topics.map(([id]) => id) };
