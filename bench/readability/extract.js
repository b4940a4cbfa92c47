// Mozilla Readability under jsdom over each page named on the command line:
// prints, per page, the milliseconds the parse and extraction took inside
// this one Node process (no start-up), wall and CPU, as
// "page<TAB>wall ms<TAB>cpu ms<TAB>characters".
const fs = require("fs");
const { JSDOM } = require("jsdom");
const { Readability } = require("@mozilla/readability");
for (const page of process.argv.slice(2)) {
  const html = fs.readFileSync(page, "utf8");
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const dom = new JSDOM(html, { url: "http://example.invalid/" });
  const article = new Readability(dom.window.document).parse();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(`${page}\t${ms.toFixed(2)}\t${cpuMs.toFixed(2)}\t${article ? article.textContent.length : 0}`);
}
