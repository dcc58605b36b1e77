"use client";
import dynamic from "next/dynamic";

/**
 * The exercise page shows one of three views: answering, the share step, or the submitted exercise. Each is
 * code of its own, so a visit loads the view it shows and not the other two. The server renders the view in full;
 * the page's HTML names that view's code for the browser to fetch alongside the rest.
 */
export const ExerciseWorkspace = dynamic(() => import("./exercise-workspace").then((m) => m.ExerciseWorkspace));
export const ShareStep = dynamic(() => import("./share-step").then((m) => m.ShareStep));
export const SubmittedView = dynamic(() => import("./submitted-view").then((m) => m.SubmittedView));
