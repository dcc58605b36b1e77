"use client";
import { useEffect } from "react";
import { currentDateText, pageIsStale } from "@/lib/dates/stale-dates";

/**
 * Dates are written on the server (decision 0032). When the page is an offline copy written a while ago, this
 * rewrites them for today once the page is running, so "Due tomorrow" doesn't linger into the day it is due.
 * A freshly fetched page is left alone: its words are current, and the browser is spared the time-zone work.
 */
export function RefreshStaleDates({ renderedAt, timeZone }: { renderedAt: number; timeZone: string }) {
  useEffect(() => {
    if (!pageIsStale(renderedAt, Date.now())) return;
    const now = new Date();
    for (const element of document.querySelectorAll<HTMLTimeElement>("time[data-date-variant]")) {
      const text = currentDateText({ dateTime: element.dateTime, variant: element.dataset.dateVariant, prefix: element.dataset.datePrefix }, timeZone, now);
      if (text !== null && element.textContent !== text) element.textContent = text;
    }
  }, [renderedAt, timeZone]);
  return null;
}
