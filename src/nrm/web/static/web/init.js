import { initAll } from "/static/web/govuk-frontend.min.js";

initAll();
