import { types } from 'pg';

// Calendar dates of legal effect stay 'YYYY-MM-DD' strings: never a Date at some time zone's midnight.
types.setTypeParser(types.builtins.DATE, (value) => value);
