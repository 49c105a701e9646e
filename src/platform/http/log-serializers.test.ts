import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorSerializer, loggablePath } from './log-serializers.js';

test('a database error is logged without its query parameters or PostgreSQL message', () => {
  const cause = Object.assign(new Error('invalid input syntax for type uuid: "jan@gemeente.nl"'), {
    code: '22P02',
  });
  const err = Object.assign(new Error('Failed query: select 1 where email = $1\nparams: jan@gemeente.nl'), {
    name: 'DrizzleQueryError',
    query: 'select 1 where email = $1',
    params: ['jan@gemeente.nl'],
    cause,
  });
  const logged = JSON.stringify(errorSerializer(err));
  assert.doesNotMatch(logged, /jan@gemeente\.nl/);
  assert.match(logged, /22P02/, 'the SQLSTATE stays, for diagnosis');
  assert.match(logged, /"stack":"\s+at /, 'the frames stay');
});

test('a programming error keeps its first message line', () => {
  const logged = errorSerializer(new TypeError("Cannot read properties of undefined (reading 'x')\nmore"));
  assert.equal(logged.message, "Cannot read properties of undefined (reading 'x')");
});

test('an unmatched path is logged by its first segment only', () => {
  const known = new Set(['r', 'api']);
  const req = (url: string, pattern?: string) => ({
    method: 'GET',
    url,
    is404: !pattern,
    routeOptions: { url: pattern },
  });
  assert.equal(loggablePath(req('/r/SECRETTOKEN/'), known), '/r/*');
  assert.equal(loggablePath(req('/SECRETTOKEN/x'), known), '/*');
  assert.equal(loggablePath(req('/r/SECRET/s/a', '/r/:token/s/:section'), known), '/r/:token/s/:section');
  assert.equal(loggablePath(req('/'), known), '/');
});
