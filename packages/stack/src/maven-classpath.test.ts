import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseClasspathFile, renderPom, resolveMavenClasspath } from './maven-classpath';
import { isStackError } from './stack-error';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('renderPom', () => {
  it('lists each artifact with its exclusions, escaped', () => {
    const pom = renderPom('kafka 4.1.1', [
      { groupId: 'org.apache.kafka', artifactId: 'kafka_2.13', version: '4.1.1' },
      { groupId: 'g', artifactId: 'a<b', version: '1', exclusions: [{ groupId: 'x', artifactId: 'y' }] },
    ]);
    expect(pom).toContain('<artifactId>kafka-4.1.1</artifactId>');
    expect(pom).toContain('<groupId>org.apache.kafka</groupId>\n      <artifactId>kafka_2.13</artifactId>\n      <version>4.1.1</version>');
    expect(pom).toContain('<artifactId>a&lt;b</artifactId>');
    expect(pom).toContain('<exclusion><groupId>x</groupId><artifactId>y</artifactId></exclusion>');
    expect(pom).toContain('<packaging>pom</packaging>');
  });
});

describe('parseClasspathFile', () => {
  it('splits on the platform delimiter and ignores blanks', () => {
    expect(parseClasspathFile(`/a.jar${delimiter}/b.jar${delimiter}\n`)).toEqual(['/a.jar', '/b.jar']);
  });
});

describe('resolveMavenClasspath', () => {
  it('maps a missing Maven to NO_MAVEN naming the command', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'weir-mvn-'));
    dirs.push(cacheDir);
    const err = await resolveMavenClasspath({
      name: 'x', cacheDir, mvn: join(cacheDir, 'no-such-mvn'),
      artifacts: [{ groupId: 'g', artifactId: 'a', version: '1' }],
    }).catch((e: unknown) => e);
    expect(isStackError(err, 'NO_MAVEN')).toBe(true);
    expect((err as Error).message).toContain('no-such-mvn');
  });

  it('uses the cached classpath while the POM is unchanged and the jars exist', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'weir-mvn-'));
    dirs.push(cacheDir);
    const artifacts = [{ groupId: 'g', artifactId: 'a', version: '1' }];
    const jar = join(cacheDir, 'a.jar');
    writeFileSync(jar, '');
    mkdirSync(join(cacheDir, 'x'));
    writeFileSync(join(cacheDir, 'x', 'pom.xml'), renderPom('x', artifacts));
    writeFileSync(join(cacheDir, 'x', 'classpath.txt'), jar);
    // A Maven that does not exist proves no resolution was attempted.
    await expect(resolveMavenClasspath({ name: 'x', cacheDir, artifacts, mvn: join(cacheDir, 'none') })).resolves.toEqual([jar]);
  });
});
