"use client";
import { useEffect } from "react";
import { pageIsStale } from "@/lib/dates/stale-page";

/**
 * Dates are written on the server (decision 0032). When the page is an offline copy written a while ago, this
 * rewrites them for today once the page is running, so "Due tomorrow" doesn't linger into the day it is due.
 * A freshly fetched page is left alone: its words are current, and the browser loads neither the wording code
 * nor its time-zone data.
 */
export function RefreshStaleDates({ renderedAt, timeZone }: { renderedAt: number; timeZone: string }) {
  useEffect(() => {
    if (!pageIsStale(renderedAt, Date.now())) return;
    let current = true;
    void import("@/lib/dates/stale-dates").then(({ currentDateText }) => {
      if (!current) return;
      const now = new Date();
      for (const element of document.querySelectorAll<HTMLTimeElement>("time[data-date-variant]")) {
        const text = currentDateText({ dateTime: element.dateTime, variant: element.dataset.dateVariant, prefix: element.dataset.datePrefix }, timeZone, now);
        if (text !== null && element.textContent !== text) element.textContent = text;
      }
    });
    return () => {
      current = false;
    };
  }, [renderedAt, timeZone]);
  return null;
}
