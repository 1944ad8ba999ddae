import type { TestApp } from "../../testing/test-app.ts";

const RUNNING = ["analysing", "applying", "undoing"];

/** Polls the job until its background dry run, apply or undo is over, and answers the job. */
export async function settle(app: Pick<TestApp, "call">, id: string, token?: string) {
  for (;;) {
    const job = await app.call("GET", `/imports/${id}`, { token });
    if (!RUNNING.includes(job.json.status)) return job.json;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Starts the dry run and waits for it: the start's HTTP status, and the job once analysed. */
export async function analyse(app: Pick<TestApp, "call">, id: string, token?: string) {
  const started = await app.call("POST", `/imports/${id}/analyse`, { token });
  return { status: started.status, json: started.status === 200 ? await settle(app, id, token) : started.json };
}

/** A new job holding `rows` under `headers`; answers its id. */
export async function jobWithRows(
  app: Pick<TestApp, "call">,
  headers: string[],
  rows: string[][],
  options: object = {},
): Promise<string> {
  const job = await app.call("POST", "/imports", { body: { name: "test", headers, options } });
  if (job.status !== 201) throw new Error(`creating the job answered ${job.status}: ${job.text}`);
  const added = await app.call("POST", `/imports/${job.json.id}/rows`, { body: { rows } });
  if (added.status !== 200) throw new Error(`adding rows answered ${added.status}: ${added.text}`);
  return job.json.id as string;
}
