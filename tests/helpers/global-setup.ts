import { assertCiServices } from './env.js';

export default function setup(): void {
  assertCiServices();
}
