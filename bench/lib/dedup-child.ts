/** The child process of the self-dedup benchmark (bench/dedup.ts): measures, answers over IPC, exits. */
import { type FromDedupChild, measureSelfDedup } from "../dedup.ts";

const send = (message: FromDedupChild) =>
  new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));

const file = process.env.BENCH_DEDUP_FILE;
if (!file) throw new Error("BENCH_DEDUP_FILE is not set");
const figures = measureSelfDedup(
  { file, contacts: Number(process.env.BENCH_DEDUP_CONTACTS) },
  (line) => void send({ type: "log", line }),
);
await send({ type: "figures", figures });
process.exit(0);
