import { useInput, type Key } from 'ink';
import { splitKeys } from './split-keys.js';

/** useInput for command keys: a burst of keys read in one chunk ("jjj", "j\r") is handled one key at a time. */
export function useKeys(handler: (input: string, key: Key) => void, options: { isActive?: boolean } = {}): void {
  useInput((input, key) => {
    for (const k of splitKeys(input, key)) handler(k.input, k.key);
  }, options);
}
