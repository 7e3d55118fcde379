import { describe, expect, it } from 'vitest';
import { isLaterSnowflake, snowflakeTime } from '../../src/sources/read/snowflake.js';

describe('snowflakeTime', () => {
  it.each([
    ['1787399400453046272', '2024-05-06T08:30:00.000Z'],
    ['1212092628029698048', '2019-12-31T19:26:16.771Z'],
  ])('reads the time in id %s', (id, time) => expect(snowflakeTime(id)).toBe(time));

  it.each([
    ['20', 'a sequential id from before Snowflake'],
    ['29999999999', 'the last sequential ids'],
    ['12a4', 'not a number'],
    ['123456789012345678901', 'longer than any 64-bit id'],
  ])('has no time for %s (%s)', (id) => expect(snowflakeTime(id)).toBeUndefined());
});

describe('isLaterSnowflake', () => {
  it.each([
    ['1787399400453046272', '1787399400453046271', true],
    ['1787399400453046271', '1787399400453046272', false],
    // A wider id is later, though it sorts first as text.
    ['10000000000000000000', '9999999999999999999', true],
    ['9999999999999999999', '10000000000000000000', false],
    ['1787399400453046272', '1787399400453046272', false],
  ])('%s later than %s: %s', (a, b, later) => expect(isLaterSnowflake(a, b)).toBe(later));
});
