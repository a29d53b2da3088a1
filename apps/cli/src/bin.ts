// Entry point of the `weir` command. Each sub-command lives in ./commands/<name>.ts and
// exports `summary` (one line for the help) and `run(args): Promise<number>` (the exit code).
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
}

const commandsDir = fileURLToPath(new URL('./commands/', import.meta.url));

function commandNames(): string[] {
  return readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function load(name: string): Promise<Command> {
  return (await import(`./commands/${name}.ts`)) as Command;
}

async function help(): Promise<number> {
  const lines = ['Usage: weir <command> [options]', '', 'Commands:'];
  for (const name of commandNames()) lines.push(`  ${name.padEnd(10)} ${(await load(name)).summary}`);
  lines.push('', 'Run `weir <command> --help` for the options of one command.');
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') return help();
  if (!/^[a-z-]+$/.test(name) || !existsSync(`${commandsDir}${name}.ts`)) {
    process.stderr.write(`weir: unknown command '${name}'. Commands: ${commandNames().join(', ')}\n`);
    return 2;
  }
  return (await load(name)).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`weir: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
