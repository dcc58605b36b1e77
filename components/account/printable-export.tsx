import { WrittenDate } from "@/components/dates/written-date";
import type { ReaderTime } from "@/lib/dates/reader-time";
import type { ClientExport } from "@/lib/account/export-format";
import type { AnswerValue, PromptDefinition } from "@/lib/content/prompts";

function answerText(prompt: PromptDefinition | undefined, value: AnswerValue): string {
  if (value.kind === "text") return value.text || "(no answer)";
  if (value.kind === "scale") return value.value === null ? "(no answer)" : prompt?.kind === "scale" ? `${value.value} (from ${prompt.min} to ${prompt.max})` : String(value.value);
  return value.selected.length ? value.selected.join(", ") : "(no answer)";
}

/** A client's export as a readable page; the print stylesheet (globals.css, .printable-export) drops the app around it. */
export function PrintableExport({ data, readerTime }: { data: ClientExport; readerTime: ReaderTime }) {
  return (
    <article className="printable-export space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">Your data in Hearth</h1>
        <p className="text-sm text-muted">
          {data.profile.name} · {data.profile.email} · {data.profile.practice} · exported <WrittenDate readerTime={readerTime} date={data.exportedAt} variant="moment" />
        </p>
        <p className="no-print mt-2 text-sm text-muted">Use your browser&apos;s Print to keep a paper or PDF copy.</p>
      </header>

      <section aria-labelledby="export-exercises">
        <h2 id="export-exercises" className="text-xl font-semibold">
          Exercises and answers
        </h2>
        {data.assignments.length === 0 ? <p className="text-muted">No exercises yet.</p> : null}
        {data.assignments.map((a) => (
          <section key={a.id} className="export-item mt-6 border-t border-line pt-4">
            <h3 className="text-lg font-semibold">{a.exercise.title}</h3>
            <p className="text-sm text-muted">
              From {a.coach} · <WrittenDate readerTime={readerTime} date={a.assignedAt} /> · {a.status.replace("_", " ")}
            </p>
            {a.note ? <p className="mt-2 whitespace-pre-wrap">Note from {a.coach}: {a.note}</p> : null}
            {a.exercise.instructions ? <p className="mt-2 whitespace-pre-wrap">{a.exercise.instructions}</p> : null}
            <dl className="mt-3 space-y-3">
              {a.exercise.prompts.map((prompt) => {
                const answer = a.answers.find((x) => x.promptId === prompt.id);
                return (
                  <div key={prompt.id}>
                    <dt className="font-medium">{prompt.label}</dt>
                    <dd className="whitespace-pre-wrap">
                      {answer ? answerText(prompt, answer.value) : "(no answer)"}
                      <span className="ml-2 text-sm text-muted">{answer?.shared ? "· shared" : "· private"}</span>
                    </dd>
                  </div>
                );
              })}
            </dl>
            {a.comments.length > 0 ? (
              <>
                <h4 className="mt-3 font-semibold">Comments</h4>
                <ul className="mt-1 space-y-2">
                  {a.comments.map((c) => (
                    <li key={c.id} className="whitespace-pre-wrap">
                      <span className="font-medium">{c.byMe ? "You" : c.author}</span> (<WrittenDate readerTime={readerTime} date={c.at} variant="moment" />): {c.body}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <h4 className="mt-3 font-semibold">The article: {a.exercise.article.title}</h4>
            <div className="mt-1 whitespace-pre-wrap text-sm">{a.exercise.article.body}</div>
          </section>
        ))}
      </section>

      <section aria-labelledby="export-sharing">
        <h2 id="export-sharing" className="text-xl font-semibold">
          Sharing history
        </h2>
        {data.sharingHistory.length === 0 ? <p className="text-muted">You haven&apos;t shared anything yet.</p> : null}
        <ul className="mt-2 space-y-1">
          {data.sharingHistory.map((h, i) => (
            <li key={i}>
              <WrittenDate readerTime={readerTime} date={h.at} variant="moment" />: {h.action === "shared" ? "shared" : "stopped sharing"} an answer ({h.promptId})
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="export-access">
        <h2 id="export-access" className="text-xl font-semibold">
          Who viewed what you shared
        </h2>
        {data.accessLog.length === 0 ? <p className="text-muted">Nobody has viewed a shared answer yet.</p> : null}
        <ul className="mt-2 space-y-1">
          {data.accessLog.map((v, i) => (
            <li key={i}>
              <WrittenDate readerTime={readerTime} date={v.at} variant="moment" />: {v.viewer} viewed an answer ({v.promptId ?? "answer"})
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="export-emails">
        <h2 id="export-emails" className="text-xl font-semibold">
          Emails we sent you
        </h2>
        <p className="text-sm text-muted">Their links are removed: they worked once, and only in the email itself.</p>
        {data.emails.map((e, i) => (
          <section key={i} className="export-item mt-3">
            <h3 className="font-semibold">{e.subject}</h3>
            <p className="text-sm text-muted">{e.sentAt ? <WrittenDate readerTime={readerTime} date={e.sentAt} variant="moment" prefix="Sent " /> : "Not sent yet"}</p>
            <p className="mt-1 whitespace-pre-wrap text-sm">{e.body}</p>
          </section>
        ))}
      </section>
    </article>
  );
}
