import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { FailureContext } from '../DocSpace/shared/errors';
import { docSpaceApiRequest } from '../DocSpace/shared/transport';
import { type EventKind, type DocSpaceEvent, eventMask, expandEvents, kindLabel } from './events';
import { generateSecret } from './signature';

/** What the trigger keeps in the node's static data between activation and deliveries. */
export interface TriggerStaticData extends IDataObject {
	webhookId?: number;
	secret?: string;
	/** Recently accepted `<webhook id>:<event id>` keys, newest last (bounded, see delivery.ts). */
	seen?: string[];
}

/** WebhooksConfigDto, the fields the trigger reads (docs/docspace/webhooks.md §2). */
interface WebhookConfig {
	id: number;
	name?: string;
	uri?: string;
	enabled?: boolean;
	triggers?: number;
	targetId?: string;
}

interface WebhookConfigWithStatus {
	configs?: WebhookConfig;
	status?: number;
}

export type TargetType = 'none' | 'room' | 'folder' | 'file';

/** Events whose own item a target of this type can be (DocSpace compares the entity id only, §4). */
export const TARGET_KINDS: Record<Exclude<TargetType, 'none'>, EventKind[]> = {
	room: ['room', 'agent'],
	folder: ['folder'],
	file: ['file', 'form'],
};

export interface Subscription {
	/** Events the webhook is registered for; undefined = all. */
	events: DocSpaceEvent[] | undefined;
	mask: number;
	targetType: TargetType;
	targetId?: string;
}

const FAILURE = {
	operation: 'DocSpace Trigger: register webhook',
	target: 'the webhook',
	requiredScope: '*:write',
};
const WEBHOOK_PATH = '/api/2.0/settings/webhook';
const MAX_NAME_LENGTH = 50;

function parameter(context: IHookFunctions, name: string): unknown {
	return context.getNodeParameter(name, undefined, { extractValue: true });
}

function targetValue(context: IHookFunctions, targetType: TargetType): string | undefined {
	if (targetType === 'none') return undefined;
	const field = { room: 'targetRoom', folder: 'targetFolder', file: 'targetFile' }[targetType];
	const raw = parameter(context, field);
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (!/^(\d{1,18}|[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9_.-]{1,200})$/.test(text)) {
		throw new NodeOperationError(
			context.getNode(),
			`${kindLabel(targetType)}: "${text}" is not a ${targetType} ID`,
			{
				description: `Pick the ${targetType} from the list, or enter its numeric ID. Nothing was registered in DocSpace.`,
			},
		);
	}
	return text;
}

/** The events and target the node's parameters ask for, checked before anything is sent. */
export function subscriptionOf(context: IHookFunctions): Subscription {
	const targetType = (parameter(context, 'target') ?? 'none') as TargetType;
	const targetId = targetValue(context, targetType);
	let events = expandEvents(parameter(context, 'events'));
	if (targetType !== 'none') {
		// A target matches only the event's own item: a room target never delivers events of files inside it.
		const kinds = TARGET_KINDS[targetType];
		const fitting = (events ?? expandEvents(kinds.map((kind) => `${kind}.*`)) ?? []).filter(
			(event) => kinds.includes(event.kind),
		);
		if (fitting.length === 0) {
			throw new NodeOperationError(
				context.getNode(),
				`None of the chosen events is about a ${targetType}, so a ${targetType} target would never deliver anything`,
				{
					description: `DocSpace matches a target only against the item the event is about: a room target delivers Room events of that room, not events of the files or folders inside it. Choose ${kinds.map(kindLabel).join(' or ')} events for this target, or set "Only Events About" to "Any Item" and filter the events in your workflow (for example on parentId).`,
				},
			);
		}
		events = fitting;
	}
	return { events, mask: eventMask(events), targetType, targetId };
}

async function listConfigs(context: IHookFunctions): Promise<WebhookConfig[]> {
	const { response } = await docSpaceApiRequest.call(
		context,
		'GET',
		WEBHOOK_PATH,
		{},
		undefined,
		'any',
		FAILURE,
	);
	return (Array.isArray(response) ? (response as WebhookConfigWithStatus[]) : [])
		.map((entry) => entry.configs)
		.filter((config): config is WebhookConfig => typeof config?.id === 'number');
}

async function deleteConfig(context: IHookFunctions, id: number): Promise<void> {
	const failure = await docSpaceApiRequest
		.call(context, 'DELETE', `${WEBHOOK_PATH}/${id}`, {}, undefined, 'any', {
			...FAILURE,
			operation: 'DocSpace Trigger: delete webhook',
		})
		.then(
			() => undefined,
			(error: unknown) => error,
		);
	// Already gone (deleted in DocSpace, or after a 410): nothing left to clean up.
	if (failure === undefined || (failure instanceof NodeApiError && failure.httpCode === '404'))
		return;
	throw failure;
}

function webhookUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url)
		throw new NodeOperationError(context.getNode(), 'n8n gave no webhook address for this trigger');
	return url;
}

export async function checkExists(context: IHookFunctions): Promise<boolean> {
	const data = context.getWorkflowStaticData('node') as TriggerStaticData;
	const url = webhookUrl(context);
	const wanted = subscriptionOf(context);
	const ours = (await listConfigs(context)).filter((config) => config.uri === url);
	const current = ours.find(
		(config) =>
			config.id === data.webhookId &&
			typeof data.secret === 'string' &&
			config.enabled === true &&
			Number(config.triggers ?? 0) === wanted.mask &&
			(config.targetId ?? '') === (wanted.targetId ?? ''),
	);
	if (current) return true;
	// Registrations of this address that cannot be used (secret unknown, disabled by DocSpace,
	// other events): removed, so that create() starts clean.
	for (const config of ours) await deleteConfig(context, config.id);
	delete data.webhookId;
	delete data.secret;
	return false;
}

function configName(context: IHookFunctions): string {
	const name = `n8n: ${context.getWorkflow().name ?? context.getWorkflow().id} / ${context.getNode().name}`;
	return name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH - 1)}…` : name;
}

export async function create(context: IHookFunctions): Promise<boolean> {
	const data = context.getWorkflowStaticData('node') as TriggerStaticData;
	const url = webhookUrl(context);
	const { mask, targetId } = subscriptionOf(context);
	const secret = generateSecret();
	const body: IDataObject = {
		name: configName(context),
		uri: url,
		secretKey: secret,
		// DocSpace registers a disabled hook unless told otherwise (§2).
		enabled: true,
		// ssl: true demands https and a valid certificate; plain http needs false.
		ssl: url.toLowerCase().startsWith('https:'),
		triggers: mask,
	};
	if (targetId) body.targetId = targetId;
	const failure: Partial<FailureContext> = FAILURE;
	const register = async () =>
		(await docSpaceApiRequest.call(context, 'POST', WEBHOOK_PATH, {}, body, 'object', failure))
			.response as WebhookConfig;
	let created = await register().catch((error: unknown) => error);
	if (created instanceof NodeApiError && /same name and payload URL/i.test(created.message)) {
		// A registration left behind under the same name and address: replace it, once.
		for (const config of (await listConfigs(context)).filter(
			(entry) => entry.uri === url && entry.name === body.name,
		)) {
			await deleteConfig(context, config.id);
		}
		created = await register();
	}
	if (created instanceof Error) throw created;
	const config = created as WebhookConfig;
	data.webhookId = config.id;
	data.secret = secret;
	data.seen = [];
	return true;
}

export async function remove(context: IHookFunctions): Promise<boolean> {
	const data = context.getWorkflowStaticData('node') as TriggerStaticData;
	if (typeof data.webhookId === 'number') {
		try {
			await deleteConfig(context, data.webhookId);
		} catch {
			// Keep the id: the next activation's checkExists removes the registration.
			return false;
		}
	}
	delete data.webhookId;
	delete data.secret;
	delete data.seen;
	return true;
}
