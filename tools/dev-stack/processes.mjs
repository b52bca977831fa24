// Child processes of the development stack: started with a name prefix on their output,
// awaited until an HTTP probe answers, and stopped in reverse order.
import { spawn } from 'node:child_process';
import net from 'node:net';

/** Resolves when `url` answers with a 2xx, rejects after `timeoutMs` or when `child` exits. */
export async function waitForHttp(url, { timeoutMs = 60_000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  child?.once('exit', (code, signal) => (exited = signal ?? code));
  for (;;) {
    if (exited !== null)
      throw new Error(`${child.spawnargs.join(' ')} exited (${exited}) before ${url} answered`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Fails with a clear message when something else already listens on `port`. */
export function assertPortFree(port, what) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () =>
      reject(
        new Error(
          `port ${port} is already in use, so ${what} cannot start there. Stop whatever uses it (a previous "npm start"?) and try again.`,
        ),
      ),
    );
    server.listen({ port, host: '127.0.0.1' }, () => server.close(resolve));
  });
}

/**
 * Spawns `node <script> ...args` with its output prefixed by `name` (or silenced when
 * `quiet`, keeping the last lines for error messages).
 */
export function startNode(name, script, args, { env, cwd, quiet = false, log = console.log } = {}) {
  const child = spawn(process.execPath, [script, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = [];
  const onLine = (line) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
    if (!quiet) log(`[${name}] ${line}`);
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      lines.forEach(onLine);
    });
  }
  child.recentOutput = () => tail.join('\n');
  return child;
}

/** Stops a child politely (SIGTERM), then firmly after `graceMs`. */
export function stopChild(child, graceMs = 5_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Runs `node <script> ...args` to completion; rejects with its output on failure. */
export function runNode(script, args, { env, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) =>
      code === 0
        ? resolve(output.trim())
        : reject(new Error(`node ${script} ${args.join(' ')} failed:\n${output}`)),
    );
  });
}
