import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";

const inputClass =
  "mt-1 block w-full rounded-lg border border-line bg-white px-3 py-2 text-ink placeholder:text-stone-500 aria-[invalid=true]:border-danger";

type FieldShell = { label: ReactNode; hint?: ReactNode; error?: string | null };

/** What the labelled wrapper hands its control so label, hint and error point at it. */
type ControlProps = { id: string; className: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };

/** Label above, optional hint, the control, optional error below; all tied together by ids. */
function LabelledField({
  label,
  hint,
  error,
  id,
  className,
  children,
}: FieldShell & { id: string | undefined; className: string; children: (control: ControlProps) => ReactNode }) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={inputId} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children({
        id: inputId,
        className: inputClass,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
      })}
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ label, hint, error, id, className = "", ...props }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <LabelledField label={label} hint={hint} error={error} id={id} className={className}>
      {(control) => <input {...control} {...props} />}
    </LabelledField>
  );
}

export function TextAreaField({ label, hint, error, id, className = "", ...props }: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <LabelledField label={label} hint={hint} error={error} id={id} className={className}>
      {(control) => <textarea {...control} {...props} />}
    </LabelledField>
  );
}
