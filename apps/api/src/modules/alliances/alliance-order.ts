/** The orders the register is read in; each a keyset over one column and the id. */
export enum AllianceOrder {
  NEWEST = 'NEWEST',
  NAME = 'NAME',
  FOUNDED_NEWEST = 'FOUNDED_NEWEST',
  FOUNDED_OLDEST = 'FOUNDED_OLDEST',
}
