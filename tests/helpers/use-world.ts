import { insertPublishedExercise } from "./loop-content";
import { useTestDatabase } from "./test-db";
import { buildWorld } from "./world";

/**
 * A test file's own database (see useTestDatabase) with the two practices and their people (see
 * buildWorld) and a signed-in caller for each. Call it once at the top of the file.
 */
export async function useWorld(options: Parameters<typeof useTestDatabase>[0] = {}) {
  const handle = await useTestDatabase(options);
  const db = handle.db;
  const world = await buildWorld(db);
  const callers = await world.callers();
  return { db, world, callers };
}

/** useWorld, plus one published exercise in practice A for the coach–client loop's tests. */
export async function useLoopWorld() {
  const setup = await useWorld();
  const { ids } = setup.world;
  const exercise = await insertPublishedExercise(setup.db, { practiceId: ids.practiceA, adminId: ids.admin });
  return { ...setup, exercise };
}
