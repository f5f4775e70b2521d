import { readFileSync } from 'fs';
import path from 'path';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { SEED_IDS, run, useEmulator, writes } from '../harness/docspace';
import { loadExample } from '../harness/examples';
import { fileParts } from '../emulator/multipart';

const ctx = useEmulator();

interface WorkflowNode {
	name: string;
	type: string;
	parameters: INodeParameters;
}

const FILE = 'file-upload-share.json';
const nodes = (
	JSON.parse(readFileSync(path.resolve(__dirname, '../../examples', FILE), 'utf8')) as {
		nodes: WorkflowNode[];
	}
).nodes;
const docSpaceNodes = nodes.filter((node) => node.type === 'n8n-nodes-docspace.docSpace');

describe(`${FILE} runs on the engine against the emulator`, () => {
	it("uploads the contract into the client's room, then creates a 14-day view-only link to it", async () => {
		const { emulator } = ctx;
		const example = loadExample(FILE);
		// What the example's Convert to File node makes of the Edit Fields item.
		const text = String(example.inputItem.contractText);
		const fileName = `Contract ${String(example.inputItem.clientName)}.txt`;
		const converted: INodeExecutionData = {
			json: {},
			binary: {
				data: { data: Buffer.from(text).toString('base64'), mimeType: 'text/plain', fileName },
			},
		};

		const [uploadNode, linkNode] = docSpaceNodes;
		const uploaded = await run(emulator, uploadNode.parameters, { items: [converted] });
		expect(uploaded.error).toBeUndefined();
		const upload = writes(emulator)[0];
		expect([upload.path, upload.query]).toEqual([
			`/api/2.0/files/${SEED_IDS.customRoomId}/upload`,
			{ createNewIfExist: 'true' },
		]);
		expect(fileParts(upload.bytes!, upload.headers['content-type'])[0].data.toString()).toBe(text);
		expect(uploaded.items[0].json).toMatchObject({
			title: 'Contract Acme Corp.txt',
			folderId: 101,
			skipped: false,
		});

		const linked = await run(emulator, linkNode.parameters, {
			items: uploaded.items.map((item) => ({ json: item.json })),
		});
		expect(linked.error).toBeUndefined();
		const link = writes(emulator)[1];
		expect(link.path).toBe(`/api/2.0/files/file/${String(uploaded.items[0].json.id)}/links`);
		expect(link.body).toMatchObject({
			access: 2,
			title: 'For the client: Contract Acme Corp.txt',
			denyDownload: false,
			internal: false,
		});
		const days =
			(Date.parse(String((link.body as IDataObject).expirationDate)) - Date.now()) / 86_400_000;
		expect(days).toBeGreaterThan(13.9);
		expect(days).toBeLessThan(14.1);
		expect(linked.items[0].json).toMatchObject({
			title: 'For the client: Contract Acme Corp.txt',
			accessName: 'Viewer',
			url: expect.any(String),
		});
	});
});
