/**
 * Loads TensorFlow.js once: the native binding (@tensorflow/tfjs-node) when it is installed,
 * else @tensorflow/tfjs on the fastest backend that works here: wasm (SIMD), then cpu.
 * tfjs-node is an optional dependency because its install script downloads libtensorflow,
 * which fails on machines without internet access (../shared/stack-facts.md).
 */
import type { Logger } from 'pino';

export type Tf = typeof import('@tensorflow/tfjs');
export type TfBackend = 'tensorflow' | 'wasm' | 'cpu';

export interface LoadedTf {
  tf: Tf;
  backend: TfBackend;
}

let loading: Promise<LoadedTf> | undefined;

/** Backends to try, fastest first; `prefer` narrows it (tests, benchmarks). */
export function loadTf(logger: Logger, prefer?: readonly TfBackend[]): Promise<LoadedTf> {
  if (prefer === undefined && loading) return loading;
  const attempt = tryBackends(logger, prefer ?? ['tensorflow', 'wasm', 'cpu']);
  if (prefer === undefined) loading = attempt;
  return attempt;
}

async function tryBackends(logger: Logger, order: readonly TfBackend[]): Promise<LoadedTf> {
  const failures: string[] = [];
  for (const backend of order) {
    try {
      const tf = await load(backend);
      logger.info({ backend }, 'TensorFlow.js backend chosen');
      return { tf, backend };
    } catch (error) {
      failures.push(`${backend}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  throw new Error(`no TensorFlow.js backend works here (${failures.join('; ')})`);
}

async function load(backend: TfBackend): Promise<Tf> {
  if (backend === 'tensorflow') {
    // The specifier is a variable so TypeScript does not need the optional package's types.
    const nodeBinding = '@tensorflow/tfjs-node';
    return (await import(nodeBinding)) as Tf;
  }
  const tf = await import('@tensorflow/tfjs');
  if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  if (!(await tf.setBackend(backend))) throw new Error(`setBackend('${backend}') returned false`);
  await tf.ready();
  return tf;
}
