import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authorizationMatrix, matrixActors, type MatrixActor } from "../helpers/authorization-matrix";
import { AUTHORIZATION_MATRIX_DOC, renderAuthorizationMatrix } from "../helpers/authorization-markdown";
import { outcome } from "../helpers/outcomes";
import { buildExampleContext, procedureExamples } from "../helpers/procedure-examples";
import { callByPath, routerProcedures } from "../helpers/procedures";
import { useWorld } from "../helpers/use-world";

/**
 * Every procedure of the router, as every kind of caller, with its valid example input: the
 * outcome must be the one in the matrix table. One world for the whole file (a fresh world costs
 * about a second, and there are hundreds of cells); the examples make fresh rows where a success
 * uses something up, so each cell starts from the same precondition whatever ran before it.
 */
const { db, world, callers } = await useWorld();
const examples = await buildExampleContext(db, world, callers);
const procedures = routerProcedures().map((p) => p.path);

describe("the authorization matrix", () => {
  it("has a row and an example input for every procedure of the router, and nothing else", () => {
    expect(procedures.length).toBeGreaterThan(0);
    expect(Object.keys(authorizationMatrix).sort()).toEqual(procedures);
    expect(Object.keys(procedureExamples).sort()).toEqual(procedures);
  });

  it.each(procedures)("%s answers every caller as the table says", async (procedure) => {
    const row = authorizationMatrix[procedure];
    const example = procedureExamples[procedure];
    if (!row || !example) throw new Error(`${procedure} has no row in the authorization matrix or no example input`);
    const actual = {} as Record<MatrixActor, string>;
    for (const who of matrixActors) {
      const input = await example(examples);
      actual[who] = await outcome(callByPath(await examples.callerFor(procedure, who), procedure, input));
    }
    expect(actual).toEqual(row.outcomes);
  });

  it(`is published, current, as ${AUTHORIZATION_MATRIX_DOC} (regenerate it with npm run docs:authz)`, () => {
    const committed = fs.readFileSync(path.resolve(import.meta.dirname, "../..", AUTHORIZATION_MATRIX_DOC), "utf8");
    expect(committed).toBe(renderAuthorizationMatrix());
  });
});
