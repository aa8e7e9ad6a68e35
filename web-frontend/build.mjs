// Compile app.scss and copy GOV.UK Frontend's script and images into the Django static folder.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, "../src/nrm/web/static/web");
const govuk = resolve(here, "node_modules/govuk-frontend/dist/govuk");
mkdirSync(out, { recursive: true });
const css = sass.compile(resolve(here, "app.scss"), {
  style: "compressed",
  loadPaths: [resolve(here, "node_modules")],
  quietDeps: true,
});
writeFileSync(resolve(out, "app.css"), css.css);
cpSync(resolve(govuk, "govuk-frontend.min.js"), resolve(out, "govuk-frontend.min.js"));
cpSync(resolve(govuk, "assets/images/favicon.ico"), resolve(out, "images/favicon.ico"));
cpSync(resolve(govuk, "assets/images/favicon.svg"), resolve(out, "images/favicon.svg"));
console.log(`wrote ${out}/app.css (${css.css.length} bytes) and govuk-frontend.min.js`);
