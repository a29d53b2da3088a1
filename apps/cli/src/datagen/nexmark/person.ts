// Nexmark's Person: someone who sells or bids. Field names and value pools follow
// PersonGenerator; times are epoch milliseconds.
import { Rng } from '../prng';
import { indexedStream, type GeneratorDefinition } from '../types';
import { AVG_PERSON_BYTE_SIZE, FIRST_PERSON_ID, NexmarkClock, eventIdOf, lastBase0PersonId } from './config';
import { nextExtra, nextString } from './strings';

export const STREAM_PERSON = 1;

const US_STATES = ['AZ', 'CA', 'ID', 'OR', 'WA', 'WY'];
const US_CITIES = ['Phoenix', 'Los Angeles', 'San Francisco', 'Boise', 'Portland', 'Bend', 'Redmond', 'Seattle', 'Kent', 'Cheyenne'];
const FIRST_NAMES = ['Peter', 'Paul', 'Luke', 'John', 'Saul', 'Vicky', 'Kate', 'Julie', 'Sarah', 'Deiter', 'Walter'];
const LAST_NAMES = ['Shultz', 'Abrams', 'Spencer', 'White', 'Bartels', 'Walton', 'Smith', 'Jones', 'Noris'];

function creditCard(rng: Rng): string {
  const groups: string[] = [];
  for (let i = 0; i < 4; i++) groups.push(String(rng.int(10000)).padStart(4, '0'));
  return groups.join(' ');
}

export function personValue(seed: number, k: number, dateTime: number): Record<string, unknown> {
  const rng = Rng.forRecord(seed, STREAM_PERSON, k);
  const id = lastBase0PersonId(eventIdOf('person', k)) + FIRST_PERSON_ID;
  const name = rng.pick(FIRST_NAMES) + ' ' + rng.pick(LAST_NAMES);
  const emailAddress = nextString(rng, 7) + '@' + nextString(rng, 5) + '.com';
  const card = creditCard(rng);
  const city = rng.pick(US_CITIES);
  const state = rng.pick(US_STATES);
  const size = 8 + name.length + emailAddress.length + card.length + city.length + state.length;
  const extra = nextExtra(rng, size, AVG_PERSON_BYTE_SIZE);
  return { id, name, emailAddress, creditCard: card, city, state, dateTime, extra };
}

export const nexmarkPersons: GeneratorDefinition = {
  name: 'nexmark-persons',
  description: 'Nexmark Person records (1 in 50 Nexmark events); ids from 1000; dateTime in epoch ms',
  keyField: 'id',
  timeField: 'dateTime',
  timeFormat: 'epoch-millis',
  schema: [
    { name: 'id', type: 'bigint' },
    { name: 'name', type: 'string' },
    { name: 'emailAddress', type: 'string' },
    { name: 'creditCard', type: 'string' },
    { name: 'city', type: 'string' },
    { name: 'state', type: 'string' },
    { name: 'dateTime', type: 'timestamp' },
    { name: 'extra', type: 'string' },
  ],
  create(seed, opts) {
    const clock = new NexmarkClock('person', opts?.rate);
    return indexedStream(
      (k, t) => {
        const value = personValue(seed, k, t);
        return { key: String(value.id), value, timestamp: t };
      },
      (k) => clock.timeOf(eventIdOf('person', k)),
      opts,
    );
  },
};
