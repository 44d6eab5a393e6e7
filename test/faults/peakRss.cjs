// Preloaded into the CLI by the hostile-input tests: writes the process's peak resident memory (KB,
// worker threads included) to $GOVREPORT_PEAK_RSS_FILE when the process exits.
const { isMainThread } = require('node:worker_threads');
if (isMainThread && process.env.GOVREPORT_PEAK_RSS_FILE) {
  const file = process.env.GOVREPORT_PEAK_RSS_FILE;
  process.on('exit', () => {
    require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
