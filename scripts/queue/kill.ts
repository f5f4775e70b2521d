/** The kill run of `npm run test:queue`: a worker killed in the middle of an execution. */
import { log } from '../e2e/runtime';
import type { Cluster } from './cluster';
import {
	type Emulator,
	RUNNING,
	check,
	errorOf,
	executions,
	linkCheck,
	rooms,
	trigger,
	waitUntil,
	workerOf,
} from './helpers';
import { stopGroup, type Services } from './services';
import { ROOM_LINKS } from './workflows';

/** Slower answers in the kill run, so that the worker dies with the execution half done. */
const KILL_LATENCY_MS = 150;
export const KILL_ITEMS = 500;

/** Room Link: Set for KILL_ITEMS rooms from `firstRoom` on; kills the worker running it. */
export async function killRun(
	cluster: Cluster,
	services: Services,
	emulator: Emulator,
	firstRoom: number,
) {
	const killRooms = rooms(firstRoom, KILL_ITEMS);
	await emulator.call({
		type: 'reset',
		rooms: firstRoom + KILL_ITEMS,
		latencyMs: KILL_LATENCY_MS,
	});
	const known = new Set(executions(services).map((row) => row.id));
	log(
		`Kill run: Room Link: Set of ${KILL_ITEMS} rooms at ${KILL_LATENCY_MS} ms per request; one worker is killed halfway`,
	);
	await trigger(cluster, ROOM_LINKS.path, { rooms: killRooms });
	const [executionId, victimName] = await waitUntil('the execution to start', 60_000, () =>
		[...workerOf(cluster)].find(([id]) => !known.has(id)),
	);
	const victim = cluster.workers.find((worker) => worker.name === victimName)!;
	const links = async () => linkCheck(await emulator.call({ type: 'links', roomIds: killRooms }));
	await waitUntil('links to be created', 60_000, async () =>
		(await links()).made >= KILL_ITEMS / 5 ? true : undefined,
	);
	await stopGroup(victim.child, 'SIGKILL');
	const killedAt = Date.now();
	const atKill = (await links()).made;
	log(
		`Killed ${victim.name} (execution ${executionId}) with ${atKill} of ${KILL_ITEMS} links made`,
	);
	const after = await waitUntil('n8n to give the execution up', 180_000, () => {
		const row = executions(services).find((r) => r.id === executionId);
		return row && !RUNNING.has(row.status) ? row : undefined;
	});
	const detectedS = Math.round((Date.now() - killedAt) / 1000);
	// Whatever n8n does by itself, within a further 20 s.
	await new Promise((resolve) => setTimeout(resolve, 20_000));
	const byN8n = executions(services).filter((row) => !known.has(row.id) && row.id !== executionId);
	const afterCrash = await links();
	const lines = [
		`${victim.name} killed (SIGKILL) during execution ${executionId}, ${atKill} of ${KILL_ITEMS} links made`,
		`n8n: execution ${executionId} "${after.status}" ${detectedS} s later (${errorOf(cluster, services, executionId)}); executions n8n started by itself in the next 20 s: ${byN8n.length}`,
		`links after the crash: ${afterCrash.made}, rooms with 2 or more: ${afterCrash.duplicated.length}`,
	];
	check(
		byN8n.length === 0 || afterCrash.duplicated.length === 0,
		'n8n re-ran nothing, or its re-run duplicated nothing',
	);
	check(
		afterCrash.duplicated.length === 0,
		`no duplicate link after the crash (${afterCrash.duplicated.length})`,
	);

	// What a user can do next: n8n's Retry (a new execution id), and sending the webhook again.
	try {
		await cluster.rest('POST', `/executions/${executionId}/retry`, { loadWorkflow: false });
		const retried = await waitUntil('the retry to finish', 180_000, () => {
			const row = executions(services).find((r) => r.retryOf === executionId);
			return row && !RUNNING.has(row.status) ? row : undefined;
		});
		const afterRetry = await links();
		const error =
			retried.status === 'success' ? '' : ` (${errorOf(cluster, services, retried.id)})`;
		lines.push(
			`Retry: execution ${retried.id} (retry of ${executionId}) "${retried.status}"${error}; links ${afterRetry.made}, rooms with 2 or more: ${afterRetry.duplicated.length}`,
		);
	} catch (error) {
		lines.push(`Retry refused: ${(error as Error).message.slice(0, 300)}`);
	}
	const before = new Set(executions(services).map((row) => row.id));
	await trigger(cluster, ROOM_LINKS.path, { rooms: killRooms });
	const again = await waitUntil('the webhook sent again to finish', 180_000, () => {
		const row = executions(services).find((r) => !before.has(r.id));
		return row && !RUNNING.has(row.status) ? row : undefined;
	});
	const afterAgain = await links();
	lines.push(
		`Webhook sent again: execution ${again.id} "${again.status}"; rooms without a link: ${afterAgain.lost.length}, with 2 or more: ${afterAgain.duplicated.length}`,
	);
	check(again.status === 'success', `the webhook sent again succeeded ("${again.status}")`);
	check(
		afterAgain.lost.length === 0,
		`nothing lost once the webhook is sent again (${afterAgain.lost.length})`,
	);
	// Create or Reuse finds each room's "Client <room>" link, so the rooms done before the kill
	// keep their one link.
	check(
		afterAgain.duplicated.length === 0 && afterAgain.wrongTitle === 0,
		`no link duplicated once the webhook is sent again (${afterAgain.duplicated.length}), titles right`,
	);
	process.stdout.write(
		`\nWorker killed mid-execution:\n${lines.map((line) => `- ${line}`).join('\n')}\n\n`,
	);
}
