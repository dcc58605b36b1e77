import "server-only";
import { JOB_QUEUES } from "@/db/job-queue";

export const QUEUES = JOB_QUEUES;
export type Queue = (typeof QUEUES)[keyof typeof QUEUES];
export type QueueName = Queue["name"];

/** What every job carries: the practice it belongs to, so an admin sees only their own practice's failures. */
export type JobData = { practiceId: string | null; assignmentId?: string; event?: NotifyEvent; subjectId?: string };

/** What a `notify` job tells, and about which row: a coach's comment, or the client who accepted. */
export type NotifyEvent = "coach-replied" | "invitation-accepted" | "answers-shared";
