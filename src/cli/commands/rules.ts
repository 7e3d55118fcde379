import path from 'node:path';
import type { Command } from 'commander';
import { closest, formatWhere, usageError } from '../../errors.js';
import type { CommandContext } from '../command-context.js';
import { EXIT } from '../exit-codes.js';
import { collect } from '../options.js';
import { count } from '../../plural.js';

interface RulesOptions {
  config?: string | false;
  rules: string[];
}

export function register(program: Command, { io, exit }: CommandContext): void {
  const rules = program
    .command('rules')
    .summary('list, show, test and document rules')
    .description(
      'Browse the rules that would run (built-in, the brand profile’s and --rules files), test their examples, and write their docs and JSON Schemas.',
    );
  const common = (command: Command) =>
    command
      .option('--config <file>', 'brand profile (default: the nearest presence.yaml, from here up to the repository root)')
      .option('--no-config', 'use no brand profile, even if a presence.yaml is found')
      .option('--rules <file>', 'extra rule file (repeatable)', collect, []);

  /** Every rule definition that would run, with the brand's overrides applied, in file order. */
  const definitions = async (options: RulesOptions, extraFiles: readonly string[] = []) => {
    const [{ loadConfig }, { builtinRuleFiles, readRuleDefinitions, loadRuleSet }] = await Promise.all([
      import('../../config/load-config.js'),
      import('../../rules/load-rules.js'),
    ]);
    const config = await loadConfig(options.config, io.cwd);
    const files = [
      ...(config.profile.builtin ? await builtinRuleFiles() : []),
      ...config.ruleFiles,
      ...[...options.rules, ...extraFiles].map((f) => path.resolve(io.cwd, f)),
    ];
    // Loading the whole set validates overrides and compiles every pattern before anything is shown.
    await loadRuleSet({
      builtin: false,
      files,
      overrides: config.overrides,
      overridesSource: config.source,
      overridesPath: ['rules'],
      brand: config.brand,
      cwd: io.cwd,
    });
    return readRuleDefinitions(files, io.cwd);
  };

  common(rules.command('list').description('list every rule: id, family, level, kind and where it comes from'))
    .option('-f, --format <format>', 'table or json', 'table')
    .action(async (options: RulesOptions & { format: string }) => {
      const [{ originOf }, { BUILTIN_RULES_DIR }] = await Promise.all([import('../../rules/docs.js'), import('../../rules/load-rules.js')]);
      const rows = (await definitions(options)).map((d) => ({
        id: d.header.id,
        family: d.header.family,
        level: d.header.level,
        kind: d.kind.kind,
        origin: originOf(d, BUILTIN_RULES_DIR),
      }));
      if (options.format === 'json') return void io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      if (options.format !== 'table') throw usageError(`--format must be table or json; got "${options.format}"`);
      const { default: Table } = await import('cli-table3');
      const table = new Table({
        head: ['id', 'family', 'level', 'kind', 'from'],
        style: { head: [], border: [] },
        chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
      });
      for (const row of rows) table.push([row.id, row.family, row.level, row.kind, row.origin]);
      io.stdout.write(`${table.toString()}\n${count(rows.length, 'rule')}\n`);
    });

  common(
    rules
      .command('show')
      .description('what a rule checks, why, its threshold and source, and its examples')
      .argument('<id>', 'a rule id, e.g. link-blasting/bare-link'),
  ).action(async (id: string, options: RulesOptions) => {
    const { ruleEntry } = await import('../../rules/docs.js');
    const all = await definitions(options);
    const definition = all.find((d) => d.header.id === id);
    if (!definition) {
      const suggestion = closest(
        id,
        all.map((d) => d.header.id),
      );
      throw usageError(`unknown rule "${id}"`, suggestion ? `did you mean "${suggestion}"?` : 'see `presence rules list`');
    }
    io.stdout.write(ruleEntry(definition));
  });

  common(
    rules
      .command('test')
      .description(`run every rule's pass and fail examples (built-in, the profile's, --rules and FILEs); exit ${EXIT.findings} on a mismatch`)
      .argument('[file...]', 'rule files to test as well'),
  ).action(async (files: string[], options: RulesOptions) => {
    const [{ runExamples }, { BUILTIN_RULES_DIR, loadClasses }] = await Promise.all([
      import('../../engine/run-examples.js'),
      import('../../rules/load-rules.js'),
    ]);
    const all = await definitions(options, files);
    const classes = await loadClasses(path.join(BUILTIN_RULES_DIR, 'classes.yaml'), io.cwd);
    let examples = 0;
    let failures = 0;
    for (const definition of all) {
      for (const result of runExamples(definition, classes)) {
        examples++;
        if (result.ok) continue;
        failures++;
        // The rule's line is enough to find it: its column would only crowd the line.
        const where = formatWhere({ file: definition.origin.file, line: definition.origin.line });
        const wanted = {
          fail: 'should produce a finding and did not',
          pass: 'should pass and produced a finding',
          keep: 'should earn the keep-doing line and did not',
        }[result.expected];
        io.stdout.write(
          `${where}: ${definition.header.id}: ${result.expected} example ${result.index + 1} ${wanted}: ${JSON.stringify(result.text.slice(0, 80))}\n`,
        );
      }
    }
    io.stdout.write(
      failures
        ? `${count(all.length, 'rule')}, ${count(examples, 'example')}: ${failures} mismatched\n`
        : `${count(all.length, 'rule')}, ${count(examples, 'example')}: all pass\n`,
    );
    exit(failures ? EXIT.findings : EXIT.ok);
  });

  rules
    .command('docs')
    .description('write the rule catalogue (rules/README.md) from the rule files')
    .requiredOption('-o, --output <file>', 'where to write it')
    .action(async (options: { output: string }) => {
      const [{ catalogue }, { builtinRuleFiles, readRuleDefinitions }, { writeAtomically }] = await Promise.all([
        import('../../rules/docs.js'),
        import('../../rules/load-rules.js'),
        import('../output.js'),
      ]);
      await writeAtomically(path.resolve(io.cwd, options.output), catalogue(await readRuleDefinitions(await builtinRuleFiles(), io.cwd)));
    });

  rules
    .command('schema')
    .description('write JSON Schemas for rule files, presence.yaml and the audit document, for editors and tools')
    .requiredOption('-o, --output <dir>', 'the folder to write them to')
    .action(async (options: { output: string }) => {
      const [{ jsonSchemas }, { writeAtomically }] = await Promise.all([import('../../config/json-schemas.js'), import('../output.js')]);
      for (const [name, schema] of Object.entries(jsonSchemas()))
        await writeAtomically(path.resolve(io.cwd, options.output, name), `${JSON.stringify(schema, null, 2)}\n`);
    });
}
