import "server-only";
import { z } from "zod";
import { id, viewRecorded } from "./common";

export const scaleSeries = z.strictObject({
  exerciseId: id,
  exerciseTitle: z.string(),
  promptId: z.string(),
  promptLabel: z.string(),
  min: z.number(),
  max: z.number(),
  minLabel: z.string(),
  maxLabel: z.string(),
  points: z.array(z.strictObject({ answerId: id, assignmentId: id, at: z.date(), value: z.number() })),
});

export const trendsOutputs = {
  forClient: z.array(scaleSeries),
  recordView: viewRecorded,
  mine: z.array(scaleSeries),
};
