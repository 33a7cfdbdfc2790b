'use strict';

// Fingerprints computed here must equal those the Java producers write (values from Avro 1.12's
// SchemaNormalization.parsingFingerprint64), or no record would resolve.

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const avro = require('avsc');
const { crc64Avro, fingerprintText, loadSchemas, decode } = require('../schemas');

const RECORD = {
  type: 'record', name: 'R', namespace: 'a.b', doc: 'd',
  fields: [
    { name: 'u', type: { type: 'string', logicalType: 'uuid' }, doc: 'x' },
    { name: 'o', type: ['null', 'int'], default: null },
    { name: 'e', type: { type: 'enum', name: 'E', symbols: ['A', 'B'], default: 'A' } },
    { name: 'r', type: { type: 'record', name: 'S', fields: [{ name: 'm', type: { type: 'map', values: 'string' }, default: {} }] } },
    { name: 'again', type: 'S' },
  ],
};

test('CRC-64-AVRO of primitive schemas matches Avro Java', () => {
  assert.strictEqual(fingerprintText(crc64Avro(Buffer.from('"int"'))), '7275d51a3f395c8f');
  assert.strictEqual(fingerprintText(crc64Avro(Buffer.from('"null"'))), '63dd24e7cc258f8a');
});

test('a schema with docs, defaults, logical types and a named reference has the Java fingerprint', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemas-'));
  fs.writeFileSync(path.join(dir, 'R.avsc'), JSON.stringify(RECORD));
  assert.deepStrictEqual([...loadSchemas(dir).keys()], ['02e8fb41f4acf746']);
});

test('decodes a single-object encoded value and refuses other bytes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemas-'));
  fs.writeFileSync(path.join(dir, 'R.avsc'), JSON.stringify(RECORD));
  const schemas = loadSchemas(dir);
  const value = { u: 'f00', o: 3, e: 'B', r: { m: { k: 'v' } }, again: { m: {} } };
  const header = Buffer.alloc(10);
  header.writeUInt16BE(0xc301, 0);
  header.writeBigUInt64LE(0x02e8fb41f4acf746n, 2);
  const encoded = Buffer.concat([header, avro.Type.forSchema(RECORD).toBuffer(value)]);

  const decoded = decode(schemas, encoded);
  assert.deepStrictEqual(JSON.parse(JSON.stringify(decoded)), { fingerprint: '02e8fb41f4acf746', schema: 'a.b.R', event: value });
  assert.throws(() => decode(schemas, Buffer.from('not avro at all')), /not Avro single-object encoded/);
  encoded[2] ^= 0xff;
  assert.throws(() => decode(schemas, encoded), /unknown writer schema fingerprint/);
});
