// The one list of generators: `weir datagen`, `weir up`'s demo data and templates read it.
import { DatagenError } from './datagen-error';
import { clicks } from './clicks';
import { logs } from './logs';
import { nexmarkAuctions } from './nexmark/auction';
import { nexmarkBids } from './nexmark/bid';
import { nexmarkPersons } from './nexmark/person';
import { orders } from './orders';
import type { GeneratorDefinition } from './types';

export const GENERATORS: Readonly<Record<string, GeneratorDefinition>> = Object.freeze({
  'nexmark-bids': nexmarkBids,
  'nexmark-auctions': nexmarkAuctions,
  'nexmark-persons': nexmarkPersons,
  orders,
  clicks,
  logs,
});

export const GENERATOR_NAMES: readonly string[] = Object.keys(GENERATORS);

export function getGenerator(name: string): GeneratorDefinition {
  const def = Object.hasOwn(GENERATORS, name) ? GENERATORS[name] : undefined;
  if (!def) {
    throw new DatagenError(
      'UNKNOWN_GENERATOR',
      `Unknown generator "${name}". Generators: ${GENERATOR_NAMES.join(', ')}`,
      'generator',
    );
  }
  return def;
}
