import { describe, expect, it } from 'vitest';
import { parseVariant } from './css-ab';

describe('parseVariant', () => {
  it('splits at the first =, so the CSS may hold more', () => {
    expect(parseVariant('noDots=.weir-dot-grid{display:none}')).toEqual(['noDots', '.weir-dot-grid{display:none}']);
    expect(parseVariant('attr=[data-x="1"]{color:red}')).toEqual(['attr', '[data-x="1"]{color:red}']);
  });

  it('names the argument it cannot read', () => {
    expect(() => parseVariant('no-equals')).toThrow(/--variant wants name=css, got "no-equals"/);
    expect(() => parseVariant('=css')).toThrow(/name=css/);
  });
});
