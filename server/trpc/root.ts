import "server-only";
import { accountRouter } from "../routers/account";
import { answersRouter } from "../routers/answers";
import { articlesRouter } from "../routers/articles";
import { assignmentsRouter } from "../routers/assignments";
import { enrolmentsRouter } from "../routers/enrolments";
import { programsRouter } from "../routers/programs";
import { clientDataRouter } from "../routers/client-data";
import { auditRouter } from "../routers/audit";
import { clientsRouter } from "../routers/clients";
import { emailPreferencesRouter } from "../routers/email-preferences";
import { exercisesRouter } from "../routers/exercises";
import { feedbackRouter } from "../routers/feedback";
import { handoverRouter } from "../routers/handover";
import { inboxRouter } from "../routers/inbox";
import { invitationsRouter } from "../routers/invitations";
import { jobsRouter } from "../routers/jobs";
import { libraryRouter } from "../routers/library";
import { mailboxRouter } from "../routers/mailbox";
import { notesRouter } from "../routers/notes";
import { notificationsRouter } from "../routers/notifications";
import { practiceRouter } from "../routers/practice";
import { secondFactorRouter } from "../routers/second-factor";
import { sessionsRouter } from "../routers/sessions";
import { trendsRouter } from "../routers/trends";
import { usersRouter } from "../routers/users";
import { createCallerFactory, router } from "./init";

/** One router per domain, each in server/routers/. */
export const appRouter = router({
  practice: practiceRouter,
  users: usersRouter,
  sessions: sessionsRouter,
  secondFactor: secondFactorRouter,
  account: accountRouter,
  emailPreferences: emailPreferencesRouter,
  clients: clientsRouter,
  // content library (admins write, coaches browse)
  articles: articlesRouter,
  exercises: exercisesRouter,
  library: libraryRouter,
  // the coach–client loop
  invitations: invitationsRouter,
  mailbox: mailboxRouter,
  assignments: assignmentsRouter,
  programs: programsRouter,
  enrolments: enrolmentsRouter,
  answers: answersRouter,
  feedback: feedbackRouter,
  inbox: inboxRouter,
  notes: notesRouter,
  notifications: notificationsRouter,
  trends: trendsRouter,
  // the client's own data: export and deletion
  clientData: clientDataRouter,
  // running the practice
  handover: handoverRouter,
  audit: auditRouter,
  jobs: jobsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
