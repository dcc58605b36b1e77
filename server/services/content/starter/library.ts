import "server-only";
import { lettingOthersIn } from "./articles/part-1-letting-others-in";
import { trustingYourself } from "./articles/part-2-trusting-yourself";
import { movesUnderStress } from "./articles/part-3-moves-under-stress";
import { starterExercises } from "./exercises";
import type { StarterArticle } from "./types";

/** The original starter library every new practice receives: the series in reading order, and its exercises. */
export const starterArticles: StarterArticle[] = [lettingOthersIn, trustingYourself, movesUnderStress];
export { starterExercises };
