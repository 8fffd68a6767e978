import { createServer } from 'node:net';

// Below Linux's ephemeral range (32768–60999), which the kernel hands to outgoing connections and
// to listen(0): a port chosen there can be taken by a client socket before the server binds it.
// This range holds none of the ports the Fetch spec bars.
const LOW = 20000;
const HIGH = 32000;

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A TCP port free on the loopback interface right now, for a server a test or benchmark starts. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port between ${LOW} and ${HIGH}`);
}
