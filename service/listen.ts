import type { Server } from 'node:net';

/** A port already taken, told as one line naming the variable that changes it. */
export class PortInUseError extends Error {
  readonly code = 'VAKA_ERR_PORT_IN_USE';
  constructor(
    readonly port: number,
    readonly variable: string,
  ) {
    super(`port ${port} is already in use: set ${variable} to a free port (e.g. ${variable}=${port + 1})`);
  }
}

export function listenOrExplain(server: Server, port: number, host: string, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, variable) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
