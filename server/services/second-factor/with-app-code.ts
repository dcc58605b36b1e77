import "server-only";
import type { Queryable } from "@/db/client";
import { recordAudit } from "@/server/audit";
import { InvalidInputError } from "@/server/errors";
import { beginCodeAttempt } from "./attempts";
import { useCode } from "./check-code";
import { WRONG_CODE_MESSAGE } from "./enrol";
import type { SecondFactorOwner } from "./who";

/**
 * Runs `change` in one transaction with using up a current code from the app (never a recovery code: these
 * changes outlive a lost list). A wrong code changes nothing, counts towards the pause, and is audited with `step`.
 */
export async function withCurrentAppCode<T>(
  db: Queryable,
  owner: SecondFactorOwner,
  code: string,
  now: Date,
  step: string,
  change: (tx: Queryable) => Promise<T>,
): Promise<T> {
  const attempt = await beginCodeAttempt(db, owner.userId);
  const result = await db.transaction(async (tx) => {
    if (!(await useCode(tx, owner, code, now, { allowRecovery: false }))) return null;
    return { value: await change(tx) };
  });
  if (!result) {
    await recordAudit(db, { practiceId: owner.practiceId, actorId: owner.userId, action: "auth.second_factor_failed", subjectUserId: owner.userId, metadata: { step } });
    throw new InvalidInputError(WRONG_CODE_MESSAGE);
  }
  await attempt.succeeded();
  return result.value;
}
