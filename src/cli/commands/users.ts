import type { Command } from 'commander';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Reads a line from the terminal without echoing it. */
async function promptHidden(question: string): Promise<string> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void };
  let muted = false;
  const write = out._writeToOutput.bind(rl);
  out._writeToOutput = (s: string) => {
    if (!muted) write(s);
  };
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

export function register(program: Command): void {
  const users = program.command('users').description('user accounts and their roles');

  users
    .command('create')
    .description(
      'create a user with a local password and roles. Without --password you are asked for one on a terminal ' +
        '(empty = generate); otherwise a password is generated and printed once',
    )
    .requiredOption('--email <address>', 'e-mail address (the sign-in name)')
    .requiredOption('--name <name>', 'display name')
    .option(
      '--password <password>',
      'at least 12 characters, not the e-mail address (visible in shell history!)',
    )
    .option('--platform-role <role>', 'admin | researcher | viewer (repeatable)', collect, [])
    .option(
      '--org <code>',
      'organisation code, e.g. GM0344, for the --role at the same position (repeatable)',
      collect,
      [],
    )
    .option(
      '--role <role>',
      'coordinator | case_handler | integrity_officer | integrity_chair | integrity_investigator | reporter, in the --org at the same position (repeatable)',
      collect,
      [],
    )
    .action(
      async (opts: {
        email: string;
        name: string;
        password?: string;
        platformRole: string[];
        org: string[];
        role: string[];
      }) => {
        const { AppError } = await import('../../platform/errors.js');
        const { organisationRoles, platformRoles } = await import('../../platform/access/policy.js');
        const bad = (detail: string) => new AppError('bad-request', { detail });
        for (const r of opts.platformRole) {
          if (!(platformRoles as readonly string[]).includes(r)) {
            throw bad(`--platform-role: expected one of ${platformRoles.join(', ')} (got "${r}")`);
          }
        }
        if (opts.org.length !== opts.role.length) {
          throw bad('--org and --role come in pairs: give one --role for every --org');
        }
        for (const r of opts.role) {
          if (!(organisationRoles as readonly string[]).includes(r)) {
            throw bad(`--role: expected one of ${organisationRoles.join(', ')} (got "${r}")`);
          }
        }
        const { generatePassword, passwordProblem } = await import('../../platform/auth/passwords.js');
        let password = opts.password;
        if (password === undefined && process.stdin.isTTY) {
          password = (await promptHidden('Password (empty = generate one): ')) || undefined;
        }
        const generated = password === undefined;
        password ??= generatePassword();
        const problem = passwordProblem(password, opts.email);
        if (problem) {
          const why = {
            tooShort: 'at least 12 characters',
            tooLong: 'at most 1024 characters',
            sameAsEmail: 'not the e-mail address',
          };
          throw new AppError('validation', { detail: `password: ${why[problem]}` });
        }

        const { loadConfig } = await import('../../platform/config/config.js');
        const { openConfiguredDatabase } = await import('../../platform/server.js');
        const { runMigrations } = await import('../../platform/db/migrate.js');
        const { cliActor } = await import('../../platform/audit/audit.js');
        const { organisationByCode } = await import('../../platform/auth/organisations.js');
        const { createUser } = await import('../../platform/auth/users-service.js');
        const database = await openConfiguredDatabase(loadConfig());
        try {
          await runMigrations(database);
          const memberships = [];
          for (const [i, code] of opts.org.entries()) {
            const org = await organisationByCode(database.db, code);
            if (!org) throw bad(`--org: no organisation with code "${code}" (see weerbaar orgs list)`);
            memberships.push({
              organisationId: org.id,
              role: opts.role[i] as (typeof organisationRoles)[number],
            });
          }
          const user = await createUser(database.db, cliActor('users create'), {
            email: opts.email,
            displayName: opts.name,
            password,
            platformRoles: opts.platformRole as Array<(typeof platformRoles)[number]>,
            memberships,
          });
          const roles = [
            ...user.platformRoles,
            ...user.memberships.map((m) => `${m.role}@${m.organisationCode}`),
          ];
          process.stdout.write(
            `created ${user.email} (${user.id})${roles.length ? ` roles: ${roles.join(', ')}` : ''}\n`,
          );
          if (generated) process.stdout.write(`password (shown once): ${password}\n`);
        } finally {
          await database.close();
        }
      },
    );
}
