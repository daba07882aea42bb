// Whether a file's first bytes look binary. Pure.

/** How many bytes of a file are read to decide. */
export const SNIFF_BYTES = 1024;

/** A NUL byte among the first KiB, as git and VS Code itself decide. */
export function looksBinary(head: Uint8Array): boolean {
  return head.subarray(0, SNIFF_BYTES).includes(0);
}
