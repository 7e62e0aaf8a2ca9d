// Column sorters for the lists people sort: names in Chinese order, instants and dates as the
// ISO strings they are (which sort as time), states in their workflow's order; blanks last.

export function byText<T>(pick: (row: T) => string | null | undefined): (a: T, b: T) => number {
  return (a, b) => {
    const x = pick(a);
    const y = pick(b);
    if (!x || !y) return (x ? 0 : 1) - (y ? 0 : 1);
    return x.localeCompare(y, 'zh-CN');
  };
}

/** By the position of each row's state in `order` (a workflow's declared states). */
export function byOrder<T, S extends string>(
  order: readonly S[],
  pick: (row: T) => S,
): (a: T, b: T) => number {
  return (a, b) => order.indexOf(pick(a)) - order.indexOf(pick(b));
}
