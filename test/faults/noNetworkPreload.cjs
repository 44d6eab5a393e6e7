// Loaded with `node --require` into the language server and the CLI (and, through execArgv, into
// their worker threads) by the no-network test. Every way Node opens a connection or resolves a
// name is replaced by a function that records the attempt in the file named by
// GOVREPORT_NET_LOG and then fails, so an attempt can neither succeed nor go unnoticed.
'use strict';
const fs = require('node:fs');
const { threadId } = require('node:worker_threads');

const LOG = process.env.GOVREPORT_NET_LOG;
if (!LOG) throw new Error('GOVREPORT_NET_LOG is not set');

function write(entry) {
  fs.appendFileSync(LOG, JSON.stringify({ pid: process.pid, threadId, ...entry }) + '\n');
}

function blocked(what) {
  return function () {
    write({ attempt: what, stack: new Error().stack.split('\n').slice(2, 8).join('\n') });
    throw new Error(`network access blocked: ${what}`);
  };
}

function replace(obj, name, what) {
  if (obj && typeof obj[name] === 'function') obj[name] = blocked(what);
}

const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const http2 = require('node:http2');
const dgram = require('node:dgram');

replace(net.Socket.prototype, 'connect', 'net.Socket.prototype.connect');
replace(net, 'connect', 'net.connect');
replace(net, 'createConnection', 'net.createConnection');
replace(tls, 'connect', 'tls.connect');
for (const name of [
  'lookup',
  'lookupService',
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveCname',
  'resolveMx',
  'resolveNs',
  'resolveTxt',
  'resolveSrv',
  'reverse',
]) {
  replace(dns, name, `dns.${name}`);
  replace(dns.promises, name, `dns.promises.${name}`);
  replace(dns.Resolver && dns.Resolver.prototype, name, `dns.Resolver.prototype.${name}`);
}
replace(http, 'request', 'http.request');
replace(http, 'get', 'http.get');
replace(https, 'request', 'https.request');
replace(https, 'get', 'https.get');
replace(http2, 'connect', 'http2.connect');
replace(dgram.Socket.prototype, 'send', 'dgram.Socket.prototype.send');
replace(dgram.Socket.prototype, 'connect', 'dgram.Socket.prototype.connect');
replace(globalThis, 'fetch', 'fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = blocked('WebSocket');

write({ loaded: true });
