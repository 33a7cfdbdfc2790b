#!/usr/bin/env node
'use strict';

// Reads Benchpulse's Kafka topics and prints one JSON line per event on standard output:
//   {"topic","partition","offset","key","type","dataschema","fingerprint","schema","event"}
// Each value is Avro single-object encoded; its writer schema is found by the fingerprint this program computes
// from the .avsc files (schemas.js). Records it cannot decode are reported on standard error and skipped.
//
//   node consumer.js [--brokers 127.0.0.1:9092] [--topic benchpulse.benchmark-events.v1]... [--group id]
//                    [--from-beginning] [--max-events n] [--schemas <dir of .avsc files>]

const path = require('path');
const { Kafka, logLevel } = require('kafkajs');
const { loadSchemas, decode } = require('./schemas');

const USAGE = 'usage: node consumer.js [--brokers host:port,...] [--topic name]... [--group id] [--from-beginning] '
  + '[--max-events n] [--schemas dir]';

function parseArgs(argv) {
  const options = {
    brokers: process.env.KAFKA_BROKERS || '127.0.0.1:9092',
    topics: [],
    group: 'benchpulse-node-consumer',
    fromBeginning: false,
    maxEvents: Infinity,
    schemas: path.join(__dirname, '..', '..', 'contracts', 'src', 'main', 'resources', 'dev', 'benchpulse',
      'contracts', 'history'),
  };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${argv[i]} needs a value\n${USAGE}`);
      return argv[++i];
    };
    switch (argv[i]) {
      case '--brokers': options.brokers = value(); break;
      case '--topic': options.topics.push(value()); break;
      case '--group': options.group = value(); break;
      case '--from-beginning': options.fromBeginning = true; break;
      case '--max-events': options.maxEvents = Number.parseInt(value(), 10); break;
      case '--schemas': options.schemas = value(); break;
      case '--help': console.log(USAGE); process.exit(0); break;
      default: throw new Error(`unknown option ${argv[i]}\n${USAGE}`);
    }
  }
  if (options.topics.length === 0) options.topics.push('benchpulse.benchmark-events.v1');
  if (!(options.maxEvents > 0)) throw new Error(`--max-events must be a positive number\n${USAGE}`);
  return options;
}

function header(headers, name) {
  const value = headers[name];
  return value === undefined || value === null ? null : value.toString('utf8');
}

// kafkajs logs through console.log by default; standard output is for events only.
const stderrLog = () => ({ namespace, level, log }) => {
  console.error(JSON.stringify({ level: logLevel[level] ?? level, namespace, message: log.message }));
};

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const schemas = loadSchemas(options.schemas);
  const kafka = new Kafka({
    clientId: 'benchpulse-node-consumer', brokers: options.brokers.split(','), logLevel: logLevel.WARN,
    logCreator: stderrLog,
  });
  const consumer = kafka.consumer({ groupId: options.group });
  let printed = 0;
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    await consumer.disconnect();
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  await consumer.connect();
  await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      if (stopping) return;
      const where = { topic, partition, offset: Number(message.offset) };
      try {
        const { fingerprint, schema, event } = decode(schemas, message.value);
        process.stdout.write(`${JSON.stringify({
          ...where,
          key: message.key === null ? null : message.key.toString('utf8'),
          type: header(message.headers, 'ce_type'),
          dataschema: header(message.headers, 'ce_dataschema'),
          fingerprint,
          schema,
          event,
        })}\n`);
        printed += 1;
      } catch (e) {
        console.error(JSON.stringify({ ...where, error: e.message }));
      }
      if (printed >= options.maxEvents) {
        setImmediate(() => stop(0));
      }
    },
  });
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
