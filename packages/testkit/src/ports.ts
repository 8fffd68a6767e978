import { createServer } from 'node:net';

// Below Linux's ephemeral range (32768–60999), which the kernel hands to outgoing connections and
// to listen(0): a port chosen there can be taken by a client socket before the server binds it.
// This range holds none of the ports the Fetch spec bars.
const LOW = 20000;
const HIGH = 32000;
// Each Jest worker picks from a slice of its own: a port one worker chose for a process still starting (a
// spawned gateway compiling its code for seconds) is never free-looking to another worker in the meantime.
const SLICES = 8;

function range(): [number, number] {
  const worker = Number(process.env.JEST_WORKER_ID);
  if (!Number.isInteger(worker) || worker < 1) return [LOW, HIGH];
  const size = Math.floor((HIGH - LOW) / SLICES);
  const start = LOW + ((worker - 1) % SLICES) * size;
  return [start, start + size];
}

/** Ports this process handed out: not handed out again, though nothing may be bound to them yet. */
const handedOut = new Set<number>();

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A TCP port free on the loopback interface right now, for a server a test or benchmark starts. */
export async function freePort(): Promise<number> {
  const [low, high] = range();
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port between ${low} and ${high}`);
}
