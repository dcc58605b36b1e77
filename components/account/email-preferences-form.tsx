"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/outputs";

type Preferences = RouterOutputs["emailPreferences"]["get"];
type Setting = Preferences["kinds"][number]["setting"];

const SETTING_WORDS: Record<Setting, string> = { on: "At once", hourly: "In an hourly summary", daily: "In a daily summary", off: "Off" };
const ON_OFF_WORDS: Record<Setting, string> = { on: "On", hourly: "Hourly", daily: "Daily", off: "Off" };

const asTime = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const asMinutes = (time: string) => {
  const [h, m] = time.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Which emails you get, how shared answers arrive, and hours when none should. */
export function EmailPreferencesForm({ preferences }: { preferences: Preferences }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [settings, setSettings] = useState(() => Object.fromEntries(preferences.kinds.map((k) => [k.kind, k.setting])) as Record<string, Setting>);
  const [quiet, setQuiet] = useState(preferences.quietHours !== null);
  const [from, setFrom] = useState(asTime(preferences.quietHours?.from ?? 21 * 60));
  const [until, setUntil] = useState(asTime(preferences.quietHours?.until ?? 8 * 60));
  const update = useMutation(trpc.emailPreferences.update.mutationOptions({ onSuccess: () => router.refresh() }));

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({
      settings: preferences.kinds.map((k) => ({ kind: k.kind, setting: settings[k.kind] ?? k.setting })),
      quietHours: quiet ? { from: asMinutes(from), until: asMinutes(until) } : null,
    });
  }

  return (
    <section aria-labelledby="email-preferences-title" className="rounded-xl border border-line bg-white p-4 sm:p-5">
      <h2 id="email-preferences-title" className="text-lg font-semibold">
        Emails from Hearth
      </h2>
      <p className="mt-1 text-sm text-muted">
        Choose what we write to you about. Emails never hold what anyone wrote, only who, what and when. Times are in your time zone ({preferences.timeZone.replace(/_/g, " ")}).
      </p>
      <form onSubmit={submit} className="mt-4 space-y-4">
        {update.error ? (
          <Notice tone="danger" role="alert">
            {update.error.message}
          </Notice>
        ) : null}
        {update.isSuccess ? (
          <Notice tone="success" role="status">
            Your email choices are saved.
          </Notice>
        ) : null}
        {preferences.kinds.map((k) => (
          <div key={k.kind}>
            <label htmlFor={`email-${k.kind}`} className="block text-sm font-medium text-ink">
              {k.label}
            </label>
            <select
              id={`email-${k.kind}`}
              value={settings[k.kind]}
              onChange={(event) => setSettings({ ...settings, [k.kind]: event.target.value as Setting })}
              className="mt-1 block w-full rounded-lg border border-line bg-white px-3 py-2 text-ink"
            >
              {k.choices.map((choice) => (
                <option key={choice} value={choice}>
                  {k.choices.length > 2 ? SETTING_WORDS[choice] : ON_OFF_WORDS[choice]}
                </option>
              ))}
            </select>
          </div>
        ))}
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-ink">Quiet hours</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={quiet} onChange={(event) => setQuiet(event.target.checked)} className="size-4" />
            Hold emails during these hours, and send them when the hours end
          </label>
          {quiet ? (
            <div className="flex flex-wrap gap-4">
              <label className="text-sm">
                <span className="block font-medium text-ink">From</span>
                <input type="time" value={from} required onChange={(event) => setFrom(event.target.value)} className="mt-1 rounded-lg border border-line bg-white px-3 py-2" />
              </label>
              <label className="text-sm">
                <span className="block font-medium text-ink">Until</span>
                <input type="time" value={until} required onChange={(event) => setUntil(event.target.value)} className="mt-1 rounded-lg border border-line bg-white px-3 py-2" />
              </label>
            </div>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save email choices"}
        </Button>
      </form>
    </section>
  );
}
