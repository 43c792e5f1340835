// Tests use Debian's firefox-esr; puppeteer must never download a browser (no network here).
module.exports = { skipDownload: true };
