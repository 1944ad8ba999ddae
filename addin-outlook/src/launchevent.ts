import { startOnSendRuntime } from "./on-send/on-send-runtime.ts";

// launchevent.js: classic Outlook on Windows loads this one file, without HTML, for the OnMessageSend
// event; commands.html (the browser runtime of the other Outlooks) loads it too.
startOnSendRuntime();
