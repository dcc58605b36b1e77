/**
 * Writes docs/security/authorization-matrix.md from the authorization test's own table
 * (tests/helpers/authorization-matrix.ts). Run it with `npm run docs:authz` after changing the table;
 * tests/integration/authorization-matrix.test.ts fails while the committed file is stale.
 */
import fs from "node:fs";
import path from "node:path";
import { AUTHORIZATION_MATRIX_DOC, renderAuthorizationMatrix } from "../tests/helpers/authorization-markdown";

const target = path.resolve(import.meta.dirname, "..", AUTHORIZATION_MATRIX_DOC);
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, renderAuthorizationMatrix());
console.log(`Wrote ${AUTHORIZATION_MATRIX_DOC}`);
