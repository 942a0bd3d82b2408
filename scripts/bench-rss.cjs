// Loaded by `node --require` in the bench's child processes: prints the process's peak resident memory on exit.
process.on("exit", () => require("node:fs").writeSync(2, `\nBENCH_MAX_RSS_KB ${process.resourceUsage().maxRSS}\n`));
