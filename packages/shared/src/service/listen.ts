import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where a listener's address came from, so a failure names the variable the operator has to change. */
export interface ListenAddress {
  host: string;
  /** 0 picks a free port */
  port: number;
  /** e.g. `GATEWAY_PORT` */
  portVariable: string;
  /** e.g. `GATEWAY_HOST` */
  hostVariable: string;
}

/** A listener that could not bind; the message names the variable and says what is wrong, e.g. `GATEWAY_PORT=4000: port already in use`. */
export class ListenError extends Error {
  /** e.g. `GATEWAY_PORT` */
  readonly variable: string;
  /** the system error code, e.g. `EADDRINUSE` */
  readonly code: string | undefined;
  // fields, not parameter properties: Node's native type stripping runs only erasable TypeScript
  constructor(message: string, variable: string, code: string | undefined) {
    super(message);
    this.name = 'ListenError';
    this.variable = variable;
    this.code = code;
  }
}

/** Listens on `address`; resolves to the bound port, or rejects with a ListenError naming the variable at fault. */
export async function listenOn(server: Server, address: ListenAddress): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(listenErrorOf(error, address));
    server.once('error', onError);
    server.listen(address.port, address.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

export function listenErrorOf(error: NodeJS.ErrnoException, address: ListenAddress): ListenError {
  const port = `${address.portVariable}=${address.port}`;
  const host = `${address.hostVariable}=${address.host}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return new ListenError(`${port}: port already in use (on ${address.host})`, address.portVariable, error.code);
    case 'EACCES':
    case 'EPERM':
      return new ListenError(`${port}: permission denied (ports below 1024 need privileges)`, address.portVariable, error.code);
    case 'EADDRNOTAVAIL':
      return new ListenError(`${host}: no such address on this machine`, address.hostVariable, error.code);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ListenError(`${host}: host name does not resolve`, address.hostVariable, error.code);
    default:
      return new ListenError(`${host} ${port}: cannot listen (${error.code ?? error.message})`, address.portVariable, error.code);
  }
}

/** The host as it goes into a URL: `0.0.0.0` and `::` become `localhost`, IPv6 literals get brackets. */
export function urlHost(host: string): string {
  if (host === '' || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
