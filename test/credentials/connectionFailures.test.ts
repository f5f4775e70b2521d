/**
 * What the credential's Test shows when the portal cannot be reached, measured the way n8n 2.41.1
 * runs a declarative Test (packages/cli credentials-tester.service: the credential's `test.request`
 * becomes the `routing.request` of a throwaway property, RoutingNode runs it, and a failure
 * without an HTTP answer is shown as `error.cause.code`, nothing else). No rule of a declarative
 * Test applies to such failures, so n8n shows the system's code; the README's Credentials section
 * explains each code. These tests keep that explanation true and fail when n8n changes the path.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	type ICredentialsDecrypted,
	sleep,
	type INode,
	type INodeType,
	type IWorkflowExecuteAdditionalData,
	Workflow,
	createRunExecutionData,
} from 'n8n-workflow';

import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { createServer as createHttpsServer } from 'https';
import { type Server, type Socket, createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

import { TestCredentialsHelper, credentialType, nodeTypesOf } from '../harness/engine';

const KEY = 'sk-connection-failure-test';

interface TesterOutcome {
	status: 'OK' | 'Error';
	message: string;
	/** The message n8n's engine gives the same failure in a workflow run. */
	engineMessage?: string;
}

/** The throwaway node n8n's CredentialsTester builds around `test.request`. */
function testerNodeType(extraOptions: { timeout?: number } = {}): INodeType {
	return {
		description: {
			displayName: 'Temp',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Temp' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: { ...credentialType.test!.request, ...extraOptions } },
				},
			],
		},
	} as INodeType;
}

async function pressTest(
	baseUrl: string,
	options: { requestTimeout?: number } = {},
): Promise<TesterOutcome> {
	const data = { baseUrl, authKey: KEY };
	const nodeType = testerNodeType(
		options.requestTimeout ? { timeout: options.requestTimeout } : {},
	);
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType.name]: { id: 'c1', name: 'DocSpace' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesOf(() => nodeType),
	});
	const base = 'http://localhost:5678';
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(() => data),
		executionId: 'credential-test',
		variables: {},
		userId: 'user-1',
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formBaseUrl: `${base}/form`,
		formTestBaseUrl: `${base}/form-test`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		webhookBaseUrl: `${base}/webhook`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: { main: [[{ json: {} }]] }, source: null },
		[],
	);
	const decrypted: ICredentialsDecrypted = {
		id: 'c1',
		name: 'DocSpace',
		type: credentialType.name,
		data,
	};
	try {
		await new RoutingNode(context, nodeType, decrypted).runNode();
		return { status: 'OK', message: 'Connection successful!' };
	} catch (error) {
		const failure = error as Error & { cause?: { code?: string; response?: unknown } };
		// The tester's order: an HTTP answer goes to the rules; otherwise the cause's code is shown.
		if (failure.cause?.response) throw new Error('expected no HTTP answer');
		return {
			status: 'Error',
			message: failure.cause?.code ?? failure.message,
			engineMessage: failure.message,
		};
	}
}

async function listening(server: Server): Promise<number> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return (server.address() as { port: number }).port;
}

async function closed(server: Server): Promise<void> {
	await new Promise<void>((resolve) => server.close(() => resolve()));
}

describe('credential Test: a portal that cannot be reached (n8n 2.41.1 shows the system code)', () => {
	it('connection refused: a closed loopback port shows ECONNREFUSED', async () => {
		const server = createServer();
		const port = await listening(server);
		await closed(server);
		const outcome = await pressTest(`http://127.0.0.1:${port}`);
		expect(outcome).toMatchObject({ status: 'Error', message: 'ECONNREFUSED' });
		// In a workflow run the engine words the same failure itself.
		expect(outcome.engineMessage).toBe(
			'The service refused the connection - perhaps it is offline',
		);
	});

	it.each([
		['with https://', 'https://no-such-portal.invalid'],
		['without https:// (completed by the Test)', 'no-such-portal.invalid'],
	])('DNS failure: an unknown host %s shows ENOTFOUND', async (_name, baseUrl) => {
		const outcome = await pressTest(baseUrl);
		expect(outcome.status).toBe('Error');
		// EAI_AGAIN when the resolver itself cannot be reached.
		expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(outcome.message);
		expect(outcome.message).not.toContain(KEY);
	});

	describe('TLS', () => {
		let dir = '';
		let certificate: { key: Buffer; cert: Buffer };
		beforeAll(() => {
			dir = mkdtempSync(join(tmpdir(), 'docspace-tls-'));
			execFileSync(
				'openssl',
				[
					'req',
					'-x509',
					'-newkey',
					'rsa:2048',
					'-nodes',
					'-keyout',
					join(dir, 'key.pem'),
					'-out',
					join(dir, 'cert.pem'),
					'-days',
					'1',
					'-subj',
					'/CN=portal.example',
				],
				{ stdio: 'ignore', timeout: 30_000 },
			);
			certificate = {
				key: readFileSync(join(dir, 'key.pem')),
				cert: readFileSync(join(dir, 'cert.pem')),
			};
		});
		afterAll(() => rmSync(dir, { recursive: true, force: true }));

		it('a self-signed certificate shows DEPTH_ZERO_SELF_SIGNED_CERT, and no answer is read', async () => {
			let requests = 0;
			const server = createHttpsServer(certificate, (_request, response) => {
				requests += 1;
				response.end('{}');
			});
			const port = await listening(server);
			try {
				const outcome = await pressTest(`https://127.0.0.1:${port}`);
				expect(outcome).toMatchObject({
					status: 'Error',
					message: 'DEPTH_ZERO_SELF_SIGNED_CERT',
				});
				expect(requests).toBe(0);
			} finally {
				await closed(server);
			}
		});
	});

	describe('a portal that never answers', () => {
		let server: Server;
		let port = 0;
		const sockets = new Set<Socket>();
		beforeAll(async () => {
			server = createServer((socket) => {
				sockets.add(socket);
			});
			port = await listening(server);
		});
		afterAll(async () => {
			for (const socket of sockets) socket.destroy();
			await closed(server);
		});

		it("the Test's own timeout is not applied: RoutingNode replaces it (5 minutes unless the node sets one)", async () => {
			// The Test asks for 1 s; 3 s later the request is still waiting.
			const pending = pressTest(`http://127.0.0.1:${port}`, { requestTimeout: 1_000 });
			const state = await Promise.race([
				pending.then(() => 'settled'),
				sleep(3_000).then(() => 'waiting'),
			]);
			expect(state).toBe('waiting');
			expect(sockets.size).toBe(1);
			// Ending the connection ends the Test, with the system's code again.
			for (const socket of sockets) socket.destroy();
			const outcome = await pending;
			expect(outcome.status).toBe('Error');
			expect(outcome.message).toBe('ECONNRESET');
		}, 20_000);
	});
});
