// settings/webhook* (docs/docspace/webhooks.md §2): list, create, update, enable, delete, triggers.

import { accessDenied, argumentError, notFound, ValidationProblem } from '../apiErrors';
import { parseJsonObject, property, readBoolean, readString, type JsonObject } from '../binding';
import { checkPassword } from '../links';
import {
	checkWebhookUrl,
	hasFlag,
	MAX_WEBHOOK_MASK,
	WEBHOOK_TRIGGERS,
	type WebhookConfigRecord,
} from '../webhooks';
import { requireUser, type ActionResult, type RouteContext, type RouteDefinition } from './context';

interface WebhookRequest {
	id?: number;
	name?: string;
	uri?: string;
	secretKey?: string;
	enabled: boolean;
	ssl: boolean;
	triggers: number;
	targetId?: string;
}

/** WebhookTrigger is a long flags enum: any sum of its values binds, anything else is a 400. */
function readTriggers(value: unknown): number {
	if (value === undefined || value === null) return 0;
	if (
		typeof value === 'number' &&
		Number.isInteger(value) &&
		value >= 0 &&
		value <= MAX_WEBHOOK_MASK
	)
		return value;
	throw ValidationProblem.single(
		'$.triggers',
		'The JSON value could not be converted to ASC.Webhooks.Core.WebhookTrigger. Path: $.triggers | LineNumber: 0 | BytePositionInLine: 1.',
	);
}

function bindRequest(rawBody: string, withId: boolean): WebhookRequest {
	const body: JsonObject = parseJsonObject(rawBody);
	const value = (name: string) => property(body, name)?.value;
	const request: WebhookRequest = {
		name: readString(value('name'), '$.name'),
		uri: readString(value('uri'), '$.uri'),
		secretKey: readString(value('secretKey'), '$.secretKey'),
		enabled: value('enabled') === undefined ? false : readBoolean(value('enabled'), '$.enabled'),
		ssl: value('ssl') === undefined ? false : readBoolean(value('ssl'), '$.ssl'),
		triggers: readTriggers(value('triggers')),
		targetId: readString(value('targetId'), '$.targetId') || undefined,
	};
	const errors: Record<string, string[]> = {};
	if (request.name === undefined) errors.Name = ['The Name field is required.'];
	else if (request.name.length > 50)
		errors.Name = ['The field Name must be a string with a maximum length of 50.'];
	if (!request.uri) errors.Uri = ['The Uri field is required.'];
	if ((request.secretKey?.length ?? 0) > 50)
		errors.SecretKey = ['The field SecretKey must be a string with a maximum length of 50.'];
	if ((request.targetId?.length ?? 0) > 255)
		errors.TargetId = ['The field TargetId must be a string with a maximum length of 255.'];
	if (withId) {
		const id = value('id');
		if (typeof id !== 'number' || !Number.isInteger(id)) errors.Id = ['The Id field is required.'];
		else request.id = id;
	}
	if (Object.keys(errors).length) throw new ValidationProblem(errors);
	return request;
}

/** CheckAdminPermissionsAsync: admins manage every config, guests none, others their own. */
function isAdminCaller(context: RouteContext): boolean {
	const userId = requireUser(context);
	if (context.state.isAdmin(userId)) return true;
	if (context.state.users.get(userId)?.role === 'guest') throw accessDenied();
	return false;
}

function checkTriggersAvailable(context: RouteContext, triggers: number): void {
	const role = context.state.users.get(requireUser(context))?.role;
	if (triggers === 0 || role !== 'user') return;
	if (WEBHOOK_TRIGGERS.some((trigger) => trigger.adminOnly && hasFlag(triggers, trigger.value))) {
		throw argumentError('Trigger is not available');
	}
}

async function checkWebhook(
	context: RouteContext,
	request: WebhookRequest,
	creation: boolean,
): Promise<void> {
	checkTriggersAvailable(context, request.triggers);
	if (creation || request.secretKey) {
		if (request.secretKey === undefined)
			throw argumentError("Value cannot be null. (Parameter 'secret')");
		checkPassword(request.secretKey, context.state.passwordPolicy);
	}
	await checkWebhookUrl(
		request.uri!,
		request.ssl,
		context.options.allowPrivateWebhookUrls === true,
	);
}

function ownConfig(context: RouteContext, id: number): WebhookConfigRecord {
	const config = context.state.webhooks.configs.get(id);
	if (!config) throw notFound('The item was not found');
	if (!isAdminCaller(context) && config.createdBy !== context.userId) throw accessDenied();
	return config;
}

function listWebhooks(context: RouteContext): ActionResult {
	const admin = isAdminCaller(context);
	const configs = [...context.state.webhooks.configs.values()].filter(
		(config) => admin || config.createdBy === context.userId,
	);
	return {
		payload: configs.map((config) => ({
			configs: context.render.webhookConfig(config),
			status: config.lastStatus,
		})),
	};
}

async function createWebhook(context: RouteContext): Promise<ActionResult> {
	isAdminCaller(context);
	const request = bindRequest(context.rawBody, false);
	await checkWebhook(context, request, true);
	const registry = context.state.webhooks;
	if (
		[...registry.configs.values()].some(
			(config) => config.name === request.name && config.uri === request.uri,
		)
	) {
		throw argumentError('Webhook with the same name and payload URL already exists');
	}
	const config = registry.add({
		name: request.name!,
		uri: request.uri!,
		secretKey: request.secretKey!,
		enabled: request.enabled,
		ssl: request.ssl,
		triggers: request.triggers,
		targetId: request.targetId,
		createdBy: requireUser(context),
	});
	return { payload: context.render.webhookConfig(config) };
}

/** Update replaces every field; an empty secret keeps the old one (§2). */
async function updateWebhook(context: RouteContext): Promise<ActionResult> {
	const request = bindRequest(context.rawBody, true);
	await checkWebhook(context, request, false);
	const config = ownConfig(context, request.id!);
	Object.assign(config, {
		name: request.name,
		uri: request.uri,
		enabled: request.enabled,
		ssl: request.ssl,
		triggers: request.triggers,
		targetId: request.targetId,
		modifiedOn: new Date(),
	});
	if (request.secretKey) config.secretKey = request.secretKey;
	return { payload: context.render.webhookConfig(config) };
}

/** Only id and enabled are used; enabling repeats the URL check on the stored config. */
async function enableWebhook(context: RouteContext): Promise<ActionResult> {
	const request = bindRequest(context.rawBody, true);
	const config = ownConfig(context, request.id!);
	if (request.enabled) {
		await checkWebhook(context, { ...config, secretKey: config.secretKey }, false);
	}
	config.enabled = request.enabled;
	config.modifiedOn = new Date();
	return { payload: context.render.webhookConfig(config) };
}

function deleteWebhook(context: RouteContext): ActionResult {
	const id = Number(context.params.id);
	if (!/^\d+$/.test(context.params.id)) throw notFound('The item was not found');
	const config = ownConfig(context, id);
	context.state.webhooks.configs.delete(id);
	return { payload: context.render.webhookConfig(config) };
}

function listTriggers(context: RouteContext): ActionResult {
	const role = context.state.users.get(requireUser(context))?.role;
	return {
		payload: WEBHOOK_TRIGGERS.map((trigger) => ({
			name: trigger.name,
			id: trigger.value,
			available: role !== 'guest' && (role !== 'user' || !trigger.adminOnly),
		})),
	};
}

export const webhookRoutes: RouteDefinition[] = [
	{ method: 'GET', template: '/api/2.0/settings/webhook/triggers', handler: listTriggers },
	{ method: 'PUT', template: '/api/2.0/settings/webhook/enable', handler: enableWebhook },
	{ method: 'GET', template: '/api/2.0/settings/webhook', handler: listWebhooks },
	{ method: 'POST', template: '/api/2.0/settings/webhook', handler: createWebhook },
	{ method: 'PUT', template: '/api/2.0/settings/webhook', handler: updateWebhook },
	{ method: 'DELETE', template: '/api/2.0/settings/webhook/{id}', handler: deleteWebhook },
];
