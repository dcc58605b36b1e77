/**
 * Audit actions in plain words, as the admin's audit log shows them. Keyed by the action names in
 * db/schema/audit.ts; a unit test checks that every action there has a label here.
 */
export const auditActionLabels: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.sign_out": "Signed out",
  "user.disabled": "Account disabled",
  "user.enabled": "Account enabled again",
  "user.role_changed": "Role changed",
  "content.article_published": "Article published",
  "content.article_archived": "Article archived",
  "content.exercise_published": "Exercise published",
  "content.exercise_archived": "Exercise archived",
  "content.exercise_restored": "Exercise restored",
  "invitation.created": "Invitation sent",
  "invitation.accepted": "Invitation accepted",
  "invitation.revoked": "Invitation revoked",
  "answer.viewed": "Coach viewed a shared answer",
  "answer.shared": "Answer shared",
  "answer.unshared": "Answer made private",
  "assignment.created": "Exercise assigned",
  "assignment.cancelled": "Assignment cancelled",
  "assignment.submitted": "Exercise submitted",
  "client.handed_over": "Client handed over to another coach",
};

/** The label for an action, or the action's own name for one added without a label yet. */
export function auditActionLabel(action: string): string {
  return auditActionLabels[action] ?? action;
}
