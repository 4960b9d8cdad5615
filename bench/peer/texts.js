'use strict';
// What the peer says, in Finnish and English, as the bot does: the language of the word used.
module.exports = {
  fi: {
    helpTitle: 'Vertaistuki: näin se toimii',
    helpIntro: 'Kysy kollegoiltasi, jotka ovat kohdanneet saman. Kirjoita tilanteesi omin sanoin, niin ehdotan kolmea ryhmäsi jäsentä.',
    commands: [
      ['kysy', 'Kysy kollegoilta'], ['aiheeni', 'Aiheet ja kielet, joissa autat'], ['tauko', 'Tauko pyynnöistä'],
      ['jatka', 'Jatka tauon jälkeen'], ['omat tietoni', 'Kaikki, mitä sinusta on tallennettu'], ['unohda minut', 'Poista kaikki tietosi'],
      ['peru suostumus', 'Peru suostumuksesi'], ['eroa', 'Eroa ryhmästä'], ['liity', 'Liity ryhmään koodilla'], ['ohje', 'Tämä ohje'],
    ],
    askTitle: 'Kenen puoleen kääntyisit?', askReassurance: 'Tekstiäsi ei tallenneta. Valitse, keitä kysytään.',
    topicsLabel: 'Aiheet', problemLabel: 'Tilanteesi', helpersLabel: 'Ehdotetut kollegat', shareText: 'Jaa teksti', shareTopics: 'Vain aiheet',
    today: 'Tänään', thisWeek: 'Tällä viikolla', sendSelected: 'Kysy valituilta', sendAll: 'Kysy kaikilta', noSuggestions: 'Kukaan ei nyt sovi näihin aiheisiin.',
    chooseTopics: 'Valitse aiheet, niin ehdotan kollegoita.', reason: 'Samasta ryhmästä',
    waitingTitle: 'Pyyntö lähetetty', waitingSentTo: 'Kysyin: ', cancel: 'Peru pyyntö', nothingSelected: 'Valitse ensin ketä kysytään.',
    requestTitle: 'Kollega kaipaa apua', accept: 'Autan mielelläni', decline: 'En ehdi nyt', notYours: 'Tämä pyyntö ei ole sinulle.',
    introTitle: 'Esittely', introChat: 'Avaa keskustelu', introCall: '30 minuutin puhelu', alreadyHelped: 'Joku ehti jo auttaa. Kiitos!',
    declined: 'Kiitos, että kerroit. Kukaan ei saa tietää.', myDataTitle: 'Omat tietosi', name: 'Nimi', topics: 'Aiheet', languages: 'Kielet',
    cap: 'Pyyntöjä kuukaudessa enintään', cohorts: 'Ryhmät', notMember: 'Et ole vielä minkään ryhmän jäsen.',
  },
  en: {
    helpTitle: 'Peer support: how it works',
    helpIntro: 'Ask colleagues who have faced the same. Describe your situation in your own words and I will suggest three members of your cohorts.',
    commands: [
      ['ask', 'Ask colleagues'], ['my topics', 'Topics and languages you help in'], ['pause', 'Pause requests'],
      ['resume', 'Resume after a pause'], ['my data', 'Everything stored about you'], ['forget me', 'Delete all your data'],
      ['withdraw', 'Withdraw your consent'], ['leave', 'Leave a cohort'], ['join', 'Join a cohort with a code'], ['help', 'This guide'],
    ],
    askTitle: 'Whom would you ask?', askReassurance: 'Your text is not stored. Choose whom to ask.',
    topicsLabel: 'Topics', problemLabel: 'Your situation', helpersLabel: 'Suggested colleagues', shareText: 'Share the text', shareTopics: 'Topics only',
    today: 'Today', thisWeek: 'This week', sendSelected: 'Ask the selected', sendAll: 'Ask all', noSuggestions: 'Nobody fits these topics right now.',
    chooseTopics: 'Choose the topics and I will suggest colleagues.', reason: 'From the same cohort',
    waitingTitle: 'Request sent', waitingSentTo: 'I asked: ', cancel: 'Cancel the request', nothingSelected: 'Choose whom to ask first.',
    requestTitle: 'A colleague would like help', accept: 'Happy to help', decline: "Can't right now", notYours: 'This request is not yours.',
    introTitle: 'Introduction', introChat: 'Open a chat', introCall: 'A 30-minute call', alreadyHelped: 'Someone already helped. Thank you!',
    declined: 'Thanks for letting us know. Nobody will be told.', myDataTitle: 'Your data', name: 'Name', topics: 'Topics', languages: 'Languages',
    cap: 'Requests a month at most', cohorts: 'Cohorts', notMember: 'You are not a member of any cohort yet.',
  },
};
