// Installs Debian's Chromium and Firefox ESR for the browser tests when they are missing.
// Test tools cannot download their own browsers here, so the system packages are used.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = [
  { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium' },
  { path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
];
const missing = wanted.filter((b) => !existsSync(b.path)).map((b) => b.pkg);
if (!missing.length) process.exit(0);

const isRoot = process.getuid?.() === 0;
if (!isRoot) {
  console.error(`Missing browsers: ${missing.join(', ')}.\nInstall them as root:  apt-get update && apt-get install -y ${missing.join(' ')}`);
  process.exit(1);
}
console.log(`Installing ${missing.join(', ')} with apt-get…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execSync('apt-get update -qq', { stdio: 'inherit', env });
const result = spawnSync('apt-get', ['install', '-y', '-qq', ...missing, 'fonts-dejavu-core'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
