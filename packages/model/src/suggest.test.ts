import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance, quoteList } from './suggest';

describe('suggestions', () => {
  it('finds the closest name for typos, transpositions and case', () => {
    expect(closest('categry', ['category', 'amount'])).toBe('category');
    expect(closest('amuont', ['category', 'amount'])).toBe('amount');
    expect(closest('Amount', ['category', 'amount'])).toBe('amount');
    expect(didYouMean('filtr', ['filter', 'map'])).toBe("; did you mean 'filter'?");
    expect(closest('tumbling', ['tumbling-window', 'sliding-window'])).toBe('tumbling-window');
    expect(closest('kafka', ['kafka-source', 'kafka-sink'])).toBeUndefined();
  });

  it('does not suggest unrelated names', () => {
    expect(closest('ts', ['id', 'amount'])).toBeUndefined();
    expect(didYouMean('zzzzzz', ['category'])).toBe('');
  });

  it('computes edit distances', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('quotes lists for messages', () => {
    expect(quoteList([])).toBe('');
    expect(quoteList(['a'])).toBe("'a'");
    expect(quoteList(['a', 'b', 'c'], 'or')).toBe("'a', 'b' or 'c'");
  });
});
