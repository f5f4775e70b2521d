// Completes package-lock.json so that `npm ci` accepts it.
//
// The npm registry reachable from this project's machines serves only the Linux builds of
// packages that ship one build per platform as optional dependencies (e.g. jest's
// unrs-resolver → @unrs/resolver-binding-<platform>). npm 11 then leaves the other platforms out
// of the lock file, and `npm ci` refuses a lock that does not list every optional dependency.
// This script adds those entries as npm itself writes them for a foreign platform (version,
// optional, os/cpu/libc from the package name), so npm ci skips them as not for this platform.
// Run it after every `npm install` that changes the lock: `npm run lockfile`.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../../package-lock.json', import.meta.url);
const OS = [
	'android',
	'darwin',
	'freebsd',
	'linux',
	'win32',
	'openharmony',
	'sunos',
	'aix',
	'netbsd',
	'openbsd',
];
const CPU = ['arm64', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'wasm32', 'arm'];

/** os, cpu and libc a platform package is for, read from its name; undefined if not one. */
function platformOf(name) {
	const parts = name.split('/').pop().split('-');
	const os = parts.find((part) => OS.includes(part));
	const cpu =
		parts.find((part) => CPU.includes(part)) ??
		(parts.some((part) => /^arm/.test(part)) ? 'arm' : undefined);
	if (!os || !cpu) return undefined;
	const libc =
		parts.includes('musl') || parts.some((part) => part.startsWith('musl'))
			? 'musl'
			: parts.some((part) => part.startsWith('gnu'))
				? 'glibc'
				: undefined;
	return { os, cpu, libc };
}

const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [location, entry] of Object.entries(packages)) {
	for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
		const nested = `${location ? `${location}/` : ''}node_modules/${name}`;
		if (packages[nested] || packages[`node_modules/${name}`]) continue;
		const platform = platformOf(name);
		if (!platform) continue;
		packages[`node_modules/${name}`] = {
			version,
			cpu: [platform.cpu],
			dev: entry.dev,
			...(platform.libc ? { libc: [platform.libc] } : {}),
			optional: true,
			os: [platform.os],
		};
		added++;
	}
}
lock.packages = Object.fromEntries(
	Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`package-lock.json: ${added} optional platform package(s) added\n`);
