// Per-route fault injection.

import type { Fault } from './types';

interface ActiveFault {
	fault: Fault;
	remaining: number;
}

export const NGINX_502_BODY =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

export class FaultRegistry {
	private active: ActiveFault[] = [];

	add(fault: Fault): void {
		this.active.push({ fault, remaining: fault.times ?? 1 });
	}

	clear(): void {
		this.active = [];
	}

	/** The first fault matching the request, its `times` counted down; undefined if none. */
	take(method: string, path: string): Fault | undefined {
		const match = this.active.find(({ fault }) => {
			if (fault.method !== undefined && fault.method.toUpperCase() !== method) return false;
			return typeof fault.path === 'string'
				? fault.path === path
				: new RegExp(fault.path.source, fault.path.flags.replace('g', '')).test(path);
		});
		if (!match) return undefined;
		match.remaining--;
		if (match.remaining <= 0) this.active = this.active.filter((entry) => entry !== match);
		return match.fault;
	}
}

/** A JSON body cut in the middle, as a proxy dropping the connection mid-answer would leave it. */
export function truncateJson(body: string): string {
	const text =
		body.length > 4
			? body
			: '{"response":{"id":1,"title":"x"},"count":1,"status":0,"statusCode":200}';
	return text.slice(0, Math.max(2, Math.floor(text.length / 2)));
}
