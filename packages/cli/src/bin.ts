// The `wismo` executable (tsup adds the shebang). Everything lives in `runCli`; this file owns the process.
import { runCli } from './cli';

// `wismo track … | head`: the reader went away; stop quietly instead of throwing EPIPE at the user.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const code = await runCli(process.argv.slice(2), { handleSignals: true });
process.exitCode = code;
// Sockets kept alive by the HTTP agents, or abandoned lookups after a second Ctrl-C, must not keep the
// process running once the command is done. The timer is unref'd: it only fires if something lingers.
setTimeout(() => process.exit(code), 250).unref();
