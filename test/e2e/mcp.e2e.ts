/**
 * The node as tools for AI agents, over n8n's MCP Server Trigger: the example workflow
 * (examples/ai/mcp-server.json) is published in a real n8n 2.41.1, and the official MCP client
 * (@modelcontextprotocol/sdk) connects to it, lists the DocSpace tools, reads what an agent would
 * read, and calls them against the DocSpace emulator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { SEED_IDS } from '../emulator';
import { startEditor, type Editor } from '../../scripts/e2e/editor';
import { REPO_ROOT } from '../../scripts/e2e/n8n';
import { freePort } from '../../scripts/e2e/ports';

const workflow = JSON.parse(readFileSync(join(REPO_ROOT, 'examples/ai/mcp-server.json'), 'utf8'));

interface ToolSchema {
	name: string;
	description?: string;
	inputSchema: {
		properties?: Record<string, { type?: string; description?: string }>;
		required?: string[];
	};
}

let editor: Editor;
let client: Client;
let tools: ToolSchema[];

/** The text an agent gets back from a tool call. */
async function call(
	name: string,
	args: Record<string, unknown>,
): Promise<{ text: string; isError: boolean }> {
	const result = (await client.callTool({ name, arguments: args })) as {
		content: Array<{ type: string; text?: string }>;
		isError?: boolean;
	};
	return {
		text: result.content.map((part) => part.text ?? '').join('\n'),
		isError: result.isError === true,
	};
}

/** n8n registers a published workflow's webhooks after it reports ready: wait until /mcp/docspace answers. */
async function waitForMcpEndpoint(url: string): Promise<void> {
	const deadline = Date.now() + 120_000;
	for (;;) {
		const response = await fetch(url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				accept: 'application/json, text/event-stream',
			},
			body: '{}',
		});
		await response.text();
		if (response.status !== 404) return;
		if (Date.now() > deadline) throw new Error(`${url} was still not registered after 120 s`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

beforeAll(async () => {
	editor = await startEditor({
		port: await freePort(),
		workflows: [workflow],
		publish: [workflow.id],
	});
	await waitForMcpEndpoint(`${editor.url}/mcp/docspace`);
	client = new Client({ name: 'docspace-e2e-agent', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(new URL(`${editor.url}/mcp/docspace`)));
	tools = (await client.listTools()).tools as ToolSchema[];
});

afterAll(async () => {
	await client?.close();
	await editor?.stop();
});

beforeEach(() => editor.emu.reset());

describe('DocSpace tools over MCP in a real n8n', () => {
	it('lists every DocSpace tool with a description and described inputs', () => {
		expect(tools.map((tool) => tool.name).sort()).toEqual([
			'create_room_link',
			'find_people',
			'find_rooms',
			'share_file',
		]);
		for (const tool of tools) {
			expect(tool.description?.length).toBeGreaterThan(40);
			const properties = Object.entries(tool.inputSchema.properties ?? {});
			expect(properties.length).toBeGreaterThan(0);
			for (const [, schema] of properties) expect(schema.description?.length).toBeGreaterThan(10);
		}
		const link = tools.find((tool) => tool.name === 'create_room_link')!;
		expect(Object.keys(link.inputSchema.properties!).sort()).toEqual([
			'access',
			'expiresAt',
			'roomId',
			'title',
		]);
		expect(link.inputSchema.properties!.access.type).toBe('number');
		expect(link.inputSchema.properties!.access.description).toMatch(/2 view/);
		expect(link.description).toMatch(/external sharing link/);
	});

	it('finds rooms and people for the agent', async () => {
		const rooms = await call('find_rooms', { search: 'Client' });
		expect(rooms.isError).toBe(false);
		expect(rooms.text).toContain('Client Projects');
		expect(rooms.text).toContain(SEED_IDS.customRoomId);

		const people = await call('find_people', { search: 'bob' });
		expect(people.text).toContain('bob@example.com');
		expect(people.text).toContain(SEED_IDS.bobId);
	});

	it('creates a room link the agent asked for, and DocSpace has it', async () => {
		const answer = await call('create_room_link', {
			roomId: SEED_IDS.customRoomId,
			access: 2,
			title: 'Client: Acme (from the agent)',
			expiresAt: '2030-01-31T17:00:00Z',
		});
		expect(answer.isError).toBe(false);
		expect(answer.text).toContain('Client: Acme (from the agent)');
		const puts = editor.emu.requests.filter((request) => request.method === 'PUT');
		expect(puts).toHaveLength(1);
		expect(puts[0].body).toMatchObject({
			linkType: 1,
			access: 2,
			title: 'Client: Acme (from the agent)',
			expirationDate: '2030-01-31T17:00:00.000Z',
		});
	});

	it('shares a file with the people the agent names', async () => {
		const answer = await call('share_file', {
			fileId: SEED_IDS.myDocxId,
			userIds: SEED_IDS.bobId,
			access: 2,
		});
		expect(answer.isError).toBe(false);
		expect(answer.text).toContain(SEED_IDS.bobId);
		expect(editor.emu.requests.filter((request) => request.method === 'PUT')).toHaveLength(1);
	});

	it('tells the agent what to correct when an argument is wrong, and sends nothing', async () => {
		const badAccess = await call('create_room_link', {
			roomId: SEED_IDS.customRoomId,
			access: 99,
			title: 'x',
			expiresAt: '',
		});
		expect(badAccess.text).toMatch(/Access/);
		expect(badAccess.text).toMatch(/not an access level/);
		expect(editor.emu.requests.filter((request) => request.method === 'PUT')).toHaveLength(0);

		const missingRoom = await call('create_room_link', {
			roomId: '999999',
			access: 2,
			title: 'x',
			expiresAt: '',
		});
		expect(missingRoom.text).toMatch(/not found/i);
		expect(missingRoom.text).not.toContain(SEED_IDS.apiKey);
	});
});
