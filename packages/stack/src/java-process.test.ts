import { describe, expect, it } from 'vitest';
import { checkJava, javaExecutable, parseJavaMajorVersion } from './java-process';
import { isStackError } from './stack-error';

describe('parseJavaMajorVersion', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['java version "1.8.0_412"', 8],
    ['openjdk version "21" 2023-09-19', 21],
    ['openjdk version "25-ea" 2025-09-16', 25],
  ])('reads %j as %i', (text, major) => {
    expect(parseJavaMajorVersion(text)).toBe(major);
  });

  it('answers undefined for text without a version', () => {
    expect(parseJavaMajorVersion('command not found')).toBeUndefined();
  });
});

describe('javaExecutable', () => {
  it('prefers JAVA_HOME', () => {
    expect(javaExecutable({ JAVA_HOME: '/opt/jdk' })).toBe('/opt/jdk/bin/java');
    expect(javaExecutable({})).toBe('java');
  });
});

describe('checkJava', () => {
  it('maps a missing executable to NO_JAVA naming it', () => {
    let caught: unknown;
    try { checkJava(17, '/nonexistent/bin/java'); } catch (err) { caught = err; }
    expect(isStackError(caught, 'NO_JAVA')).toBe(true);
    expect((caught as Error).message).toContain('/nonexistent/bin/java');
  });
});
