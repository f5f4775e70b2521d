import type { INodePropertyOptions } from 'n8n-workflow';

/** What an event is about; also how DocSpace's target filter is matched (docs/docspace/webhooks.md §4). */
export type EventKind = 'file' | 'folder' | 'room' | 'user' | 'group' | 'form' | 'agent';

export interface DocSpaceEvent {
	/** `event.trigger` as DocSpace sends it. */
	name: string;
	/** The flag value of WebhookTrigger; up to 2^35, so never combined with 32-bit bitwise operators. */
	value: number;
	kind: EventKind;
	label: string;
	/** DocSpace admins and room admins only (plain users get "Trigger is not available"). */
	adminOnly?: boolean;
	/** DocSpace 3.7.1 or later. */
	since371?: boolean;
}

/** Every event of DocSpace 3.7 (docs/docspace/webhooks.md §3). */
export const DOCSPACE_EVENTS: DocSpaceEvent[] = [
	{ name: 'user.created', value: 1, kind: 'user', label: 'Created', adminOnly: true },
	{ name: 'user.invited', value: 2, kind: 'user', label: 'Invited', adminOnly: true },
	{ name: 'user.updated', value: 4, kind: 'user', label: 'Updated' },
	{ name: 'user.deleted', value: 8, kind: 'user', label: 'Deleted' },
	{ name: 'group.created', value: 16, kind: 'group', label: 'Created', adminOnly: true },
	{ name: 'group.updated', value: 32, kind: 'group', label: 'Updated', adminOnly: true },
	{ name: 'group.deleted', value: 64, kind: 'group', label: 'Deleted', adminOnly: true },
	{ name: 'file.created', value: 128, kind: 'file', label: 'Created' },
	{ name: 'file.uploaded', value: 256, kind: 'file', label: 'Uploaded' },
	{ name: 'file.updated', value: 512, kind: 'file', label: 'Updated' },
	{ name: 'file.trashed', value: 1024, kind: 'file', label: 'Moved to Trash' },
	{ name: 'file.deleted', value: 2048, kind: 'file', label: 'Deleted' },
	{ name: 'file.restored', value: 4096, kind: 'file', label: 'Restored' },
	{ name: 'file.copied', value: 8192, kind: 'file', label: 'Copied' },
	{ name: 'file.moved', value: 16384, kind: 'file', label: 'Moved' },
	{ name: 'folder.created', value: 32768, kind: 'folder', label: 'Created' },
	{ name: 'folder.updated', value: 65536, kind: 'folder', label: 'Updated' },
	{ name: 'folder.trashed', value: 131072, kind: 'folder', label: 'Moved to Trash' },
	{ name: 'folder.deleted', value: 262144, kind: 'folder', label: 'Deleted' },
	{ name: 'folder.restored', value: 524288, kind: 'folder', label: 'Restored' },
	{ name: 'folder.copied', value: 1048576, kind: 'folder', label: 'Copied' },
	{ name: 'folder.moved', value: 2097152, kind: 'folder', label: 'Moved' },
	{ name: 'room.created', value: 4194304, kind: 'room', label: 'Created', adminOnly: true },
	{ name: 'room.updated', value: 8388608, kind: 'room', label: 'Updated' },
	{ name: 'room.archived', value: 16777216, kind: 'room', label: 'Archived' },
	{ name: 'room.deleted', value: 33554432, kind: 'room', label: 'Deleted' },
	{ name: 'room.restored', value: 67108864, kind: 'room', label: 'Restored' },
	{ name: 'room.copied', value: 134217728, kind: 'room', label: 'Copied', adminOnly: true },
	{ name: 'form.submit', value: 268435456, kind: 'form', label: 'Submitted', since371: true },
	{
		name: 'form.filled.out',
		value: 536870912,
		kind: 'form',
		label: 'Filling Completed',
		since371: true,
	},
	{
		name: 'form.stopped',
		value: 1073741824,
		kind: 'form',
		label: 'Filling Stopped',
		since371: true,
	},
	{
		name: 'agent.created',
		value: 2147483648,
		kind: 'agent',
		label: 'Created',
		adminOnly: true,
		since371: true,
	},
	{ name: 'agent.updated', value: 4294967296, kind: 'agent', label: 'Updated', since371: true },
	{ name: 'agent.deleted', value: 8589934592, kind: 'agent', label: 'Deleted', since371: true },
	{
		name: 'file.downloaded',
		value: 17179869184,
		kind: 'file',
		label: 'Downloaded',
		since371: true,
	},
	{
		name: 'folder.downloaded',
		value: 34359738368,
		kind: 'folder',
		label: 'Downloaded',
		since371: true,
	},
];

export const ALL_EVENTS = '*';

const KIND_LABELS: Record<EventKind, string> = {
	agent: 'AI Agent',
	file: 'File',
	folder: 'Folder',
	form: 'Form',
	group: 'Group',
	room: 'Room',
	user: 'User',
};

const EVENT_BY_NAME = new Map(DOCSPACE_EVENTS.map((event) => [event.name, event]));

export function eventByName(name: unknown): DocSpaceEvent | undefined {
	return typeof name === 'string' ? EVENT_BY_NAME.get(name) : undefined;
}

/** The editor's list: "All Events", one "Any … Event" per group, then every event as "Group: Label". */
export function eventOptions(): INodePropertyOptions[] {
	const groups = (Object.keys(KIND_LABELS) as EventKind[]).map((kind) => ({
		name: `${KIND_LABELS[kind]}: Any ${KIND_LABELS[kind]} Event`,
		value: `${kind}.*`,
		description: `Every ${KIND_LABELS[kind].toLowerCase()} event`,
	}));
	const single = DOCSPACE_EVENTS.map((event) => ({
		name: `${KIND_LABELS[event.kind]}: ${event.label}`,
		value: event.name,
		description: `${event.name}${event.adminOnly ? ' (DocSpace admins and room admins only)' : ''}${event.since371 ? ' (DocSpace 3.7.1+)' : ''}`,
	}));
	const all = {
		name: 'All Events',
		value: ALL_EVENTS,
		description: 'Every event the account may receive',
	};
	return [all, ...[...groups, ...single].sort((a, b) => a.name.localeCompare(b.name))];
}

/** The chosen entries ("*", "file.*", "file.uploaded") expanded to events; undefined = all events. */
export function expandEvents(selected: unknown): DocSpaceEvent[] | undefined {
	const values = (Array.isArray(selected) ? selected : [selected]).filter(
		(value): value is string => typeof value === 'string',
	);
	if (values.length === 0 || values.includes(ALL_EVENTS)) return undefined;
	const chosen = new Set<DocSpaceEvent>();
	for (const value of values) {
		const group = /^(\w+)\.\*$/.exec(value);
		if (group)
			DOCSPACE_EVENTS.filter((event) => event.kind === group[1]).forEach((event) =>
				chosen.add(event),
			);
		const single = eventByName(value);
		if (single) chosen.add(single);
	}
	return DOCSPACE_EVENTS.filter((event) => chosen.has(event));
}

/**
 * DocSpace's `triggers` mask: the sum of distinct flag values (0 = all events). Values reach 2^35,
 * so `|` and `<<` (32-bit) would drop bits; sums of distinct powers of two are exact below 2^53.
 */
export function eventMask(events: DocSpaceEvent[] | undefined): number {
	if (!events) return 0;
	return [...new Set(events.map((event) => event.value))].reduce((sum, value) => sum + value, 0);
}

/** The events a mask holds, read with division instead of bitwise operators (see eventMask). */
export function eventsInMask(mask: number): DocSpaceEvent[] {
	return DOCSPACE_EVENTS.filter((event) => Math.floor(mask / event.value) % 2 === 1);
}

export function kindLabel(kind: EventKind): string {
	return KIND_LABELS[kind];
}
