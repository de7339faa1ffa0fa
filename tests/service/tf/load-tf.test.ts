import { describe, expect, it } from 'vitest';
import { loadTf } from '../../../service/tf/load-tf.js';
import { testLogger } from '../../helpers/silent-logger.js';

describe('TensorFlow.js loader', () => {
  it('falls back to a backend that works here when tfjs-node is absent, and computes with it', async () => {
    const { tf, backend } = await loadTf(testLogger);
    expect(['tensorflow', 'wasm', 'cpu']).toContain(backend);
    expect(tf.tensor([1, 2, 3]).sum().dataSync()[0]).toBe(6);
  });

  it('uses the cpu backend when asked for it', async () => {
    const { tf, backend } = await loadTf(testLogger, ['cpu']);
    expect(backend).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('uses the native binding only where it installed, and otherwise says why not', async () => {
    const binding = '@tensorflow/tfjs-node';
    const installed = await import(binding).then(
      () => true,
      () => false,
    );
    const attempt = loadTf(testLogger, ['tensorflow']);
    if (installed) await expect(attempt).resolves.toMatchObject({ backend: 'tensorflow' });
    else await expect(attempt).rejects.toThrow(/no TensorFlow.js backend works here \(tensorflow:/);
  });
});
