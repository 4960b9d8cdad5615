'use strict';
// The peer's tables, as a team on the Bot Framework SDK would lay them out for this product:
// - People: one partition per person: "profile", "contact", "cohort|<id>" per membership,
//   "suggested" (the last suggestions), "pair|<helper>" (help accepted between the two).
// - Members: one partition per cohort, a row per member with what a match needs: topics,
//   languages, pause, monthly cap and this month's count, last asked, reachable, their chat.
// - Requests: one partition per request: "request" and "helper|<key>" rows.
// An ask reads the asker's partition and each of their cohorts' partitions once.
const { TableClient, odata } = require('@azure/data-tables');

function tables(connectionString, prefix) {
  const options = { allowInsecureConnection: true };
  const client = (name) => TableClient.fromConnectionString(connectionString, prefix + name, options);
  return { people: client('People'), members: client('Members'), requests: client('Requests') };
}

async function partition(table, key) {
  const rows = [];
  for await (const row of table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${key}` } })) {
    rows.push(row);
  }
  return rows;
}

async function find(table, partitionKey, rowKey) {
  try {
    return await table.getEntity(partitionKey, rowKey);
  } catch (error) {
    if (error.statusCode === 404) return null;
    throw error;
  }
}

const month = (date) => date.toISOString().slice(0, 7);

module.exports = { tables, partition, find, month };
