// The two value checks the FROM rules need: image references (one parser for all checks, in
// valuesReference.ts) and platform strings (containerd's platforms.Parse), normalised as containerd does it.

import { referenceProblem } from './valuesReference';

/** Whether `ref` is an image reference `docker pull` accepts (Docker's ParseNormalizedNamed). */
export function isValidImageReference(ref: string): boolean {
  return referenceProblem(ref) === undefined;
}

export interface Platform {
  os: string;
  architecture: string;
  variant: string;
}

const KNOWN_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos']);
const KNOWN_ARCH = new Set(['386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm']);

/** containerd's platforms.Parse, normalised; undefined where it would fail. */
export function parsePlatform(text: string): Platform | undefined {
  const withoutVersion = text.replace(/^([^()/]+)\([^()]*\)/, '$1');
  const parts = withoutVersion.split('/');
  if (parts.length > 3 || parts.some((p) => !/^[A-Za-z0-9_.-]+$/.test(p))) return undefined;
  const os = normalizeOS(parts[0]);
  if (parts.length === 1) {
    if (KNOWN_OS.has(os)) return { os, architecture: 'amd64', variant: '' };
    const [architecture, variant] = normalizeArch(parts[0], '');
    return KNOWN_ARCH.has(architecture) ? { os: 'linux', architecture, variant } : undefined;
  }
  const [architecture, variant] = normalizeArch(parts[1], parts[2] ?? '');
  return { os, architecture, variant };
}

function normalizeOS(os: string): string {
  const lower = os.toLowerCase();
  return lower === 'macos' ? 'darwin' : lower;
}

function normalizeArch(arch: string, variant: string): [string, string] {
  const a = arch.toLowerCase();
  const v = variant.toLowerCase();
  if (a === 'i386') return ['386', ''];
  if (a === 'x86_64' || a === 'x86-64' || a === 'amd64') return ['amd64', v === 'v1' ? '' : v];
  if (a === 'aarch64' || a === 'arm64') return ['arm64', v === '8' || v === 'v8' ? '' : v];
  if (a === 'armhf') return ['arm', 'v7'];
  if (a === 'armel') return ['arm', 'v6'];
  if (a === 'arm') return ['arm', /^[5-8]$/.test(v) ? `v${v}` : v];
  return [a, v];
}
