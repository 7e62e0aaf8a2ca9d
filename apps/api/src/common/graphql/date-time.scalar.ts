import { GraphQLScalarType, Kind } from 'graphql';

// Like Nest's GraphQLISODateTime, but a time that names no real instant (31 November, 25:00) is
// invalid instead of rolled over by `new Date`: the service then names the field (DATE_TIME).
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

function parseDateTime(value: unknown): Date {
  const match = typeof value === 'string' ? ISO_DATE_TIME.exec(value) : null;
  if (!match) return new Date(Number.NaN);
  const [, y, mo, d, h, mi, s = '0', , oh = '0', om = '0'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    Number(h) <= 23 &&
    Number(mi) <= 59 &&
    Number(s) <= 59 &&
    Number(oh) <= 14 &&
    Number(om) <= 59;
  return valid ? new Date(value as string) : new Date(Number.NaN);
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description:
    'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  parseValue: parseDateTime,
  serialize: (value) => (value instanceof Date ? value.toISOString() : null),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseDateTime(ast.value) : null),
});
