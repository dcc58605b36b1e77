/**
 * Audit actions in plain words, as the admin's audit log shows them. Keyed by the action names in
 * db/schema/audit.ts; a unit test checks that every action there has a label here.
 */
export const auditActionLabels: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.sign_out": "Signed out",
  "auth.second_factor_enrolled": "Two-step sign-in turned on",
  "auth.second_factor_disabled": "Two-step sign-in turned off",
  "auth.second_factor_failed": "Two-step sign-in code not accepted",
  "auth.second_factor_passed": "Two-step sign-in completed",
  "auth.recovery_codes_renewed": "New recovery codes made",
  "auth.second_factor_reset": "Two-step sign-in reset by an admin",
  "auth.recovery_code_used": "Recovery code used",
  "auth.session_ended": "Session ended",
  "practice.second_factor_required": "Two-step sign-in requirement changed",
  "user.disabled": "Account disabled",
  "user.enabled": "Account enabled again",
  "user.role_changed": "Role changed",
  "content.article_published": "Article published",
  "content.article_archived": "Article archived",
  "content.exercise_published": "Exercise published",
  "content.exercise_archived": "Exercise archived",
  "content.exercise_restored": "Exercise restored",
  "content.program_published": "Program published",
  "program.enrolled": "Program started for a client",
  "program.paused": "Program paused",
  "program.resumed": "Program resumed",
  "program.stopped": "Program stopped",
  "invitation.created": "Invitation sent",
  "invitation.accepted": "Invitation accepted",
  "invitation.revoked": "Invitation revoked",
  "answer.viewed": "Coach viewed a shared answer",
  "answer.shared": "Answer shared",
  "answer.unshared": "Answer made private",
  "assignment.created": "Exercise assigned",
  "assignment.cancelled": "Assignment cancelled",
  "assignment.submitted": "Exercise submitted",
  "data.exported": "Client downloaded their data",
  "client.deleted": "Client account deleted",
  "client.handed_over": "Client handed over to another coach",
  "account.password_reset_requested": "Password reset asked for",
  "account.password_reset": "Password reset",
  "account.password_changed": "Password changed",
  "account.email_change_requested": "Email change asked for",
  "account.email_change_cancelled": "Email change withdrawn",
  "account.email_changed": "Email changed",
  "account.name_changed": "Name changed",
  "account.time_zone_changed": "Time zone changed",
  "account.email_preferences_changed": "Email choices changed",
};

/** The label for an action, or the action's own name for one added without a label yet. */
export function auditActionLabel(action: string): string {
  return auditActionLabels[action] ?? action;
}
