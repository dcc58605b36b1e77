import "server-only";
import type { PromptDefinition } from "@/lib/content/prompts";

/** An article every new practice starts with. `key` links exercises to it before ids exist. */
export type StarterArticle = {
  key: string;
  title: string;
  series: string;
  part: number;
  summary: string;
  tags: string[];
  body: string;
};

export type StarterExercise = {
  articleKey: string;
  title: string;
  instructions: string;
  prompts: PromptDefinition[];
};

export const STARTER_SERIES = "Feeling Secure Together";
