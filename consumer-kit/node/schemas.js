'use strict';

// The writer schemas of Benchpulse records, known from the .avsc files alone: each file is parsed with avsc, its
// Parsing Canonical Form fingerprinted with CRC-64-AVRO (Avro specification, "Schema Fingerprints"), and records are
// decoded with the schema whose fingerprint they carry. No schema registry, no Java.

const fs = require('fs');
const path = require('path');
const avro = require('avsc');

// CRC-64-AVRO: the Avro specification's 64-bit Rabin fingerprint, on BigInt (JavaScript numbers hold 53 bits).
const MASK = (1n << 64n) - 1n;
const EMPTY = 0xc15d213aa4d7a795n;
const TABLE = Array.from({ length: 256 }, (_, i) => {
  let fp = BigInt(i);
  for (let j = 0; j < 8; j++) {
    fp = (fp >> 1n) ^ (EMPTY & -(fp & 1n) & MASK);
  }
  return fp;
});

function crc64Avro(bytes) {
  let fp = EMPTY;
  for (const b of bytes) {
    fp = (fp >> 8n) ^ TABLE[Number((fp ^ BigInt(b)) & 0xffn)];
  }
  return fp;
}

/** The fingerprint's text form, as Benchpulse's API and docs write it: 16 lower-case hex digits. */
function fingerprintText(fp) {
  return fp.toString(16).padStart(16, '0');
}

/** avsc's getSchema() without options is the Parsing Canonical Form the fingerprint is defined on. */
function fingerprintOf(type) {
  return crc64Avro(Buffer.from(JSON.stringify(type.getSchema()), 'utf8'));
}

/** Every *.avsc file under dir (recursively), each a self-contained schema. */
function schemaFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return schemaFiles(file);
    return entry.name.endsWith('.avsc') ? [file] : [];
  });
}

/** Loads every schema file under dir: a Map from fingerprint text to {name, file, type}. */
function loadSchemas(dir) {
  const byFingerprint = new Map();
  for (const file of schemaFiles(dir)) {
    const type = avro.Type.forSchema(JSON.parse(fs.readFileSync(file, 'utf8')));
    byFingerprint.set(fingerprintText(fingerprintOf(type)), { name: type.name, file, type });
  }
  if (byFingerprint.size === 0) {
    throw new Error(`No .avsc schema files under ${dir}`);
  }
  return byFingerprint;
}

/**
 * Decodes one Avro single-object encoded value: C3 01, the writer schema's CRC-64-AVRO fingerprint as 8 bytes
 * little-endian, then the binary body. Returns {fingerprint, schema, event}; throws when the bytes are not such a
 * value or the fingerprint names none of the loaded schemas.
 */
function decode(schemas, value) {
  if (!value || value.length < 10 || value[0] !== 0xc3 || value[1] !== 0x01) {
    const start = value ? value.subarray(0, 10).toString('hex') : 'null';
    throw new Error(`not Avro single-object encoded: starts with ${start}, not c301 and a fingerprint`);
  }
  const fingerprint = fingerprintText(value.readBigUInt64LE(2));
  const writer = schemas.get(fingerprint);
  if (!writer) {
    throw new Error(`unknown writer schema fingerprint ${fingerprint}: fetch it from GET /api/schemas/${fingerprint}`);
  }
  return { fingerprint, schema: writer.name, event: writer.type.fromBuffer(value.subarray(10)) };
}

module.exports = { crc64Avro, fingerprintText, loadSchemas, decode };
